package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/**
 * List.Sum/Product/Average take the optional precision of their reference syntax: Precision.Decimal computes in
 * decimal arithmetic as Value.Add(x, y, Precision.Decimal) does; Value.Equals/NullableEquals/Compare compare two
 * numbers as decimals with it. The argument was ignored. Expressions are ours.
 */
public class ListDecimalPrecisionTest {

    @Test
    public void decimalAggregates() {
        same("0.30000000000000004", "List.Sum({0.1, 0.2})");
        same("true", "List.Sum({0.1, 0.2, null}, Precision.Decimal) = Value.Add(0.1, 0.2, Precision.Decimal)");
        same("\"0.3\"", "Text.From(List.Sum({0.1, 0.2}, Precision.Decimal))");
        same("\"0.3\"", "Text.From(List.Product({0.1, 3}, Precision.Decimal))");
        same("\"0.2\"", "Text.From(List.Average({0.1, 0.2, 0.3}, Precision.Decimal))");
        same("null", "List.Sum({}, Precision.Decimal)");
        same("6", "List.Sum({1, 2, 3}, Precision.Double)");
    }

    @Test
    public void decimalComparisons() {
        same("false", "Value.Equals(0.1 + 0.2, 0.3)");
        same("true", "Value.Equals(0.1 + 0.2, 0.3, Precision.Decimal)");
        same("true", "Value.NullableEquals(0.1 + 0.2, 0.3, Precision.Decimal)");
        same("null", "Value.NullableEquals(null, 0.3, Precision.Decimal)");
        same("1", "Value.Compare(0.1 + 0.2, 0.3)");
        same("0", "Value.Compare(0.1 + 0.2, 0.3, Precision.Decimal)");
        same("-1", "Value.Compare(1, 2, Precision.Decimal)");
    }
}
