package org.gatehouse.powerquery.impl.eval;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.gatehouse.powerquery.impl.value.*;

/** M's arithmetic, comparison, logical and combination operators on evaluated (metadata-free) values. */
public final class Operators {

    private Operators() {
    }

    public static Object unary(String op, Object v) {
        switch (op) {
            case "not":
                return v == null ? null : !Values.logical(v);
            case "+":
                if (v == null || v instanceof Double || v instanceof Duration) {
                    return v;
                }
                return Values.number(v);
            default:
                if (v == null) {
                    return null;
                }
                if (v instanceof Duration d) {
                    return d.negated();
                }
                return -Values.number(v);
        }
    }

    /** Three-valued and: false wins over null. */
    public static Object and(Object l, Object r) {
        if (Boolean.FALSE.equals(l) || Boolean.FALSE.equals(r)) {
            check(l);
            check(r);
            return false;
        }
        check(l);
        check(r);
        return l == null || r == null ? null : Boolean.TRUE;
    }

    public static Object or(Object l, Object r) {
        check(l);
        check(r);
        if (Boolean.TRUE.equals(l) || Boolean.TRUE.equals(r)) {
            return true;
        }
        return l == null || r == null ? null : Boolean.FALSE;
    }

    private static void check(Object v) {
        if (v != null && !(v instanceof Boolean)) {
            throw Errors.cannotConvert(v, "Logical");
        }
    }

    public static Object binary(String op, Object l, Object r) {
        switch (op) {
            case "=":
                return Values.equal(l, r);
            case "<>":
                return !Values.equal(l, r);
            case "<":
            case ">":
            case "<=":
            case ">=":
                return compare(op, l, r);
            case "&":
                return combine(l, r);
            default:
                return arithmetic(op, l, r);
        }
    }

    private static Object compare(String op, Object l, Object r) {
        if (l == null || r == null) {
            Object other = l == null ? r : l;
            if (other instanceof MList || other instanceof MRecord || other instanceof MTable
                    || other instanceof MFunction || other instanceof MType) {
                throw cannotApply(op, l, r); // structured values have no order, not even against null
            }
            return null;
        }
        if (l instanceof Double a && r instanceof Double b && (a.isNaN() || b.isNaN())) {
            return false;
        }
        int c = Values.compare(l, r);
        return switch (op) {
            case "<" -> c < 0;
            case ">" -> c > 0;
            case "<=" -> c <= 0;
            default -> c >= 0;
        };
    }

    private static Object combine(Object l, Object r) {
        if (l == null || r == null) {
            if ((l == null || l instanceof String) && (r == null || r instanceof String)) {
                return null;
            }
            // the spec's combination table: date & null and null & time are null, as text & null is
            if (l instanceof LocalDate && r == null || l == null && r instanceof LocalTime) {
                return null;
            }
        }
        if (l instanceof String a && r instanceof String b) {
            return a + b;
        }
        if (l instanceof MList a && r instanceof MList b) {
            List<Object> items = new ArrayList<>(a.slots());
            items.addAll(b.slots());
            return new MList(items);
        }
        if (l instanceof MRecord a && r instanceof MRecord b) {
            return mergeRecords(a, b);
        }
        if (l instanceof MTable a && r instanceof MTable b) {
            return Tables.combine(List.of(a, b));
        }
        if (l instanceof LocalDate d && r instanceof LocalTime t) {
            return LocalDateTime.of(d, t);
        }
        throw cannotApply("&", l, r);
    }

    /** Right fields override left ones, keeping the left order. */
    public static MRecord mergeRecords(MRecord a, MRecord b) {
        List<String> names = new ArrayList<>(a.names());
        List<Object> slots = new ArrayList<>(a.slots());
        for (int i = 0; i < b.names().size(); i++) {
            String n = b.names().get(i);
            int at = names.indexOf(n);
            if (at >= 0) {
                slots.set(at, b.slot(i));
            } else {
                names.add(n);
                slots.add(b.slot(i));
            }
        }
        return new MRecord(names, slots);
    }

    private static Object arithmetic(String op, Object l, Object r) {
        if (l == null || r == null) {
            if (nullPropagates(op, l == null ? r : l)) {
                return null;
            }
            throw cannotApply(op, l, r);
        }
        if (l instanceof java.math.BigDecimal && r instanceof java.math.BigDecimal) {
            return DecimalArithmetic.apply(op, l, r); // two decimals (Decimal.Type, Currency.Type) stay decimal
        }
        if (isNumber(l) && isNumber(r)) {
            double a = Values.number(l), b = Values.number(r);
            return switch (op) {
                case "+" -> a + b;
                case "-" -> a - b;
                case "*" -> a * b;
                default -> a / b;
            };
        }
        if (op.equals("+") || op.equals("-")) {
            Object v = dateArithmetic(op, l, r);
            if (v != null) {
                return v;
            }
        }
        if (l instanceof Duration d && isNumber(r) && (op.equals("*") || op.equals("/"))) {
            double f = Values.number(r);
            return ticks(d.toNanos() * (op.equals("*") ? f : 1 / f));
        }
        if (isNumber(l) && r instanceof Duration d && op.equals("*")) {
            return ticks(d.toNanos() * Values.number(l));
        }
        if (l instanceof Duration a && r instanceof Duration b && op.equals("/")) {
            return (double) a.toNanos() / b.toNanos();
        }
        throw cannotApply(op, l, r);
    }

    private static Object dateArithmetic(String op, Object l, Object r) {
        boolean plus = op.equals("+");
        if (r instanceof Duration d) {
            Duration s = plus ? d : d.negated();
            if (l instanceof LocalDate x) {
                // a date is midnight on the timeline: minus 8 hours lands on the previous day
                return x.atStartOfDay().plus(s).toLocalDate();
            }
            if (l instanceof LocalDateTime x) {
                return x.plus(s);
            }
            if (l instanceof OffsetDateTime x) {
                return x.plus(s);
            }
            if (l instanceof LocalTime x) {
                return x.plus(s);
            }
            if (l instanceof Duration x) {
                return x.plus(s);
            }
        }
        if (plus && l instanceof Duration d && !(r instanceof Duration)) {
            return dateArithmetic("+", r, d);
        }
        if (!plus) {
            if (l instanceof LocalDate a && r instanceof LocalDate b) {
                return Duration.ofDays(b.until(a, java.time.temporal.ChronoUnit.DAYS));
            }
            if (l instanceof LocalDateTime a && r instanceof LocalDateTime b) {
                return Duration.between(b, a);
            }
            if (l instanceof OffsetDateTime a && r instanceof OffsetDateTime b) {
                return Duration.between(b, a);
            }
            if (l instanceof LocalTime a && r instanceof LocalTime b) {
                return Duration.between(b, a);
            }
        }
        return null;
    }

    /** A scaled duration, rounded to whole 100-nanosecond ticks as every M duration is. */
    private static Duration ticks(double nanos) {
        return Duration.ofNanos(100 * Math.round(nanos / 100));
    }

    /**
     * Null yields null only beside an operand the operator takes: null + 1 is null, but null + "a" fails just as
     * "a" + "a" does (the specification lists the null cases per operator and makes every other pairing an error).
     */
    private static boolean nullPropagates(String op, Object other) {
        if (other == null || isNumber(other) || other instanceof Duration) {
            return true;
        }
        boolean temporal = other instanceof LocalDate || other instanceof LocalDateTime
                || other instanceof OffsetDateTime || other instanceof LocalTime;
        return temporal && (op.equals("+") || op.equals("-"));
    }

    private static boolean isNumber(Object v) {
        return v instanceof Double || v instanceof java.math.BigDecimal;
    }

    private static RuntimeException cannotApply(String op, Object l, Object r) {
        return Errors.expression("We cannot apply operator " + op + " to types " + cap(Values.kind(l)) + " and "
                + cap(Values.kind(r)) + ".");
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
