package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/**
 * Comparison criteria as "a list containing the key and order": List.Sort's reference names
 * {each 1 / _, Order.Descending}, and the list functions' "Comparison criteria" section lists it beside an Order,
 * a key selector and a comparer. Expressions are ours.
 */
public class SortKeyOrderCriteriaTest {

    @Test
    public void listSortWithAKeyAndAnOrder() {
        same("{1, 2, 3}", "List.Sort({2, 3, 1}, {each 1 / _, Order.Descending})");
        same("{\"ccc\", \"bb\", \"a\"}", "List.Sort({\"bb\", \"a\", \"ccc\"}, {each Text.Length(_), Order.Descending})");
        same("{\"a\", \"bb\", \"ccc\"}", "List.Sort({\"bb\", \"ccc\", \"a\"}, {each Text.Length(_), Order.Ascending})");
    }

    @Test
    public void tableSortWithAKeyAndAnOrderAlone() {
        same("#table({\"w\"}, {{\"ccc\"}, {\"bb\"}, {\"a\"}})",
                "Table.Sort(#table({\"w\"}, {{\"bb\"}, {\"a\"}, {\"ccc\"}}), {each Text.Length([w]), Order.Descending})");
        same("#table({\"w\"}, {{\"ccc\"}, {\"bb\"}, {\"a\"}})",
                "Table.Sort(#table({\"w\"}, {{\"bb\"}, {\"a\"}, {\"ccc\"}}), {{each Text.Length([w]), Order.Descending}})");
    }
}
