package org.gatehouse.powerquery.impl.lib;

import java.math.BigDecimal;

import org.gatehouse.powerquery.impl.value.Thunk;
import org.gatehouse.powerquery.impl.value.Values;

/**
 * The key columns of a row as a hash key with M's equality ({@link Values#equal}): numbers hash by their double value
 * (1 and 1.0 are one group), text by its characters, other kinds only by kind, which is coarse but never splits values
 * M calls equal. Lets Table.Group find a row's group in constant time instead of comparing with every group.
 */
final class GroupKey {

    private final Object[] values;
    private final int hash;

    GroupKey(Object[] row, int[] columns) {
        values = new Object[columns.length];
        int h = 1;
        for (int i = 0; i < columns.length; i++) {
            Object v = Thunk.force(row[columns[i]]);
            values[i] = v;
            h = 31 * h + hashOf(v);
        }
        hash = h;
    }

    private static int hashOf(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Double || v instanceof BigDecimal) {
            double d = Values.number(v);
            return Double.hashCode(d == 0 ? 0.0 : d);
        }
        if (v instanceof String s) {
            return s.hashCode();
        }
        // dates, times and durations are equal exactly when their Java values are; a zoned value by its instant
        if (v instanceof java.time.OffsetDateTime z) {
            return z.toInstant().hashCode();
        }
        if (v instanceof java.time.temporal.Temporal || v instanceof java.time.Duration || v instanceof Boolean) {
            return v.hashCode();
        }
        return Values.kind(v).hashCode();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GroupKey k) || k.hash != hash) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (!Values.equal(values[i], k.values[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
