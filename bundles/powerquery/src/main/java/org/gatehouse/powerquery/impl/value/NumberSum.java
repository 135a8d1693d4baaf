package org.gatehouse.powerquery.impl.value;

import java.math.BigDecimal;

/**
 * List.Sum's rule, shared by List.Sum and Table.Group's folded sums: nulls are skipped, nothing to add gives null, a
 * non-number is an error. Decimals only (Decimal.Type, Currency.Type columns) add up in decimal; any double makes the
 * sum a double, added in list order.
 */
public final class NumberSum {

    private double sum;
    private BigDecimal decimalSum = BigDecimal.ZERO;
    private boolean any;
    private boolean allDecimal = true;

    public void add(Object value) {
        Object v = Values.strip(value);
        if (v == null) {
            return;
        }
        double d = Values.number(v);
        sum = any ? sum + d : 0 + d;
        any = true;
        if (allDecimal && v instanceof BigDecimal b) {
            decimalSum = decimalSum.add(b);
        } else {
            allDecimal = false;
        }
    }

    public Object result() {
        if (!any) {
            return null;
        }
        return allDecimal ? decimalSum : (Object) sum;
    }
}
