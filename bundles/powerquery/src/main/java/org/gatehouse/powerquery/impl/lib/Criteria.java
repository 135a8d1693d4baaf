package org.gatehouse.powerquery.impl.lib;

import java.util.Comparator;

import org.gatehouse.powerquery.impl.value.*;

/**
 * M's equationCriteria and comparisonCriteria arguments: null (default equality/order), a one-argument key selector,
 * a two-argument comparer (Comparer.OrdinalIgnoreCase...), or a list {keySelector, comparer}.
 */
final class Criteria {

    private Criteria() {
    }

    static boolean equal(Object criteria, Object x, Object y) {
        return comparator(criteria, true).compare(x, y) == 0;
    }

    static Comparator<Object> comparator(Object criteria) {
        return comparator(criteria, false);
    }

    private static Comparator<Object> comparator(Object criteria, boolean forEquality) {
        criteria = Values.strip(criteria);
        Comparator<Object> base = forEquality ? (x, y) -> Values.equal(x, y) ? 0 : 1 : Values::compare;
        if (criteria == null) {
            return base;
        }
        if (criteria instanceof MFunction f) {
            if (f.minArity() == 2) {
                return (x, y) -> verdict(f.call(x, y));
            }
            return (x, y) -> base.compare(f.call(x), f.call(y));
        }
        if (criteria instanceof MList l && l.size() == 2) {
            MFunction key = Values.function(l.get(0));
            MFunction cmp = Values.function(l.get(1));
            return (x, y) -> verdict(cmp.call(key.call(x), key.call(y)));
        }
        if (criteria instanceof Double d) {
            // Order.Descending given where a comparison is expected
            return d == 1 ? base.reversed() : base;
        }
        throw Errors.expression("The criteria value " + Values.describe(criteria) + " is not supported.");
    }

    /** A comparer returns a number (-1, 0, 1) or, as an equality, a logical. */
    private static int verdict(Object r) {
        r = Values.strip(r);
        if (r instanceof Boolean b) {
            return b ? 0 : 1;
        }
        return (int) Math.signum(Values.number(r));
    }
}
