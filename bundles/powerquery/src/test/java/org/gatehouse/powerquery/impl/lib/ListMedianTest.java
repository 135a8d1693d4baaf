package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/**
 * List.Median of an even count as its reference describes it: the smaller of the two middle items, unless the list
 * is all datetimes, durations, numbers or times, which average. Only numbers worked; texts and other values failed
 * converting to a number. Expressions are ours.
 */
public class ListMedianTest {

    @Test
    public void evenCounts() {
        same("2.5", "List.Median({4, 1, 3, 2})");
        same("\"b\"", "List.Median({\"d\", \"a\", \"c\", \"b\"})");
        same("#date(2024, 1, 1)", "List.Median({#date(2024, 1, 3), #date(2024, 1, 1)})");
        same("#datetime(2024, 1, 2, 0, 0, 0)", "List.Median({#datetime(2024, 1, 1, 0, 0, 0), #datetime(2024, 1, 3, 0, 0, 0)})");
        same("#duration(1, 12, 0, 0)", "List.Median({#duration(2, 0, 0, 0), #duration(1, 0, 0, 0)})");
        same("#time(1, 30, 0)", "List.Median({#time(1, 0, 0), #time(2, 0, 0)})");
        same("\"c\"", "List.Median({\"d\", \"a\", \"c\"})");
    }
}
