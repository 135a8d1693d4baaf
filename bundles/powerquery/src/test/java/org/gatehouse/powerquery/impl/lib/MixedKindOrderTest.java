package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.fails;
import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/**
 * Value.Compare and the sorts order values of different kinds (null, time, date, datetime, datetimezone, duration,
 * number, logical, text, binary) where the comparison operators refuse them; evidence in {@code Values.order}.
 */
public class MixedKindOrderTest {

    @Test
    public void valueCompareOrdersKinds() {
        same("-1", "Value.Compare(null, 7)");
        same("1", "Value.Compare(#duration(0, 0, 0, 1), #time(12, 0, 0))");
        same("-1", "Value.Compare(1, \"a\")");
        same("1", "Value.Compare(true, 1000)");
        same("-1", "Value.Compare(#date(2024, 1, 1), #datetime(2000, 1, 1, 0, 0, 0))");
        same("0", "Value.Compare(2, 2)");
    }

    @Test
    public void sortsSeparateTheKinds() {
        same("{null, #time(1, 0, 0), #date(2020, 1, 1), 1, 2, false, true, \"A\", \"a\"}",
                "List.Sort({\"a\", 2, true, #date(2020, 1, 1), null, \"A\", false, #time(1, 0, 0), 1})");
        same("{\"b\", \"a\", 3, 1}", "List.Sort({1, \"a\", 3, \"b\"}, Order.Descending)");
        same("{1, 5, \"x\"}", "Table.Sort(#table({\"v\"}, {{\"x\"}, {5}, {1}}), \"v\")[v]");
    }

    @Test
    public void operatorsStillRefuseMixedKindsAndStructuresStillCannotBeCompared() {
        fails("Expression.Error", "1 < \"a\"");
        fails("Expression.Error", "Value.Compare({1}, {2})");
        fails("Expression.Error", "List.Sort({[a = 1], 1})");
    }
}
