package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/**
 * List.Union/Difference/Intersect as their reference pages describe them: Union "maintains traditional bag
 * semantics, so duplicate values are matched", Difference "Duplicate values are supported" (unlike List.RemoveItems,
 * which "removes all occurrences"), and all three take an optional equationCriteria. The engine treated them as
 * sets and ignored the criteria; List.Mode ignored its equationCriteria too. Expressions are ours, but for the
 * reference examples.
 */
public class ListBagOperationsTest {

    @Test
    public void referenceExamplesStillHold() {
        same("{1, 2, 3, 4, 5, 6, 7}", "List.Union({{1..5}, {2..6}, {3..7}})");
        same("{3, 4, 5}", "List.Intersect({{1..5}, {2..6}, {3..7}})");
        same("{1, 2}", "List.Difference({1, 2, 3, 4, 5}, {4, 5, 3})");
        same("{}", "List.Difference({1, 2}, {1, 2, 3})");
    }

    @Test
    public void duplicatesCount() {
        same("{1, 2}", "List.Difference({1, 1, 2}, {1})");
        same("{2, 1, 3}", "List.Difference({1, 2, 1, 3}, {1})");
        same("{1, 3, 1}", "List.RemoveItems({1, 2, 3, 1, 2}, {2})");
        same("{1, 1, 2, 3}", "List.Union({{1, 1, 2}, {1, 3}})");
        same("{1, 2, 2, 3}", "List.Union({{1, 2}, {2, 2, 3}})");
    }

    @Test
    public void equationCriteria() {
        same("{\"b\"}", "List.Difference({\"A\", \"b\"}, {\"a\"}, Comparer.OrdinalIgnoreCase)");
        same("{\"A\"}", "List.Intersect({{\"A\", \"b\"}, {\"a\"}}, Comparer.OrdinalIgnoreCase)");
        same("{\"A\", \"b\"}", "List.Union({{\"A\", \"b\"}, {\"a\"}}, Comparer.OrdinalIgnoreCase)");
    }

    @Test
    public void modeWithEquationCriteria() {
        same("5", "List.Mode({\"A\", 1, 2, 3, 3, 4, 5, 5})");
        same("\"b\"", "List.Mode({\"a\", \"A\", \"b\"})");
        same("\"A\"", "List.Mode({\"a\", \"A\", \"b\"}, Comparer.OrdinalIgnoreCase)");
    }
}
