package org.gatehouse.powerquery.impl.value;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** M's value rules shared by the evaluator and the library: kinds, equality, ordering, conversion to text. */
public final class Values {

    private Values() {
    }

    public static Object strip(Object v) {
        return v instanceof WithMeta m ? m.value() : v;
    }

    public static String kind(Object v) {
        v = strip(v);
        if (v == null) {
            return "null";
        }
        if (v instanceof Double || v instanceof BigDecimal) {
            return "number";
        }
        if (v instanceof String) {
            return "text";
        }
        if (v instanceof Boolean) {
            return "logical";
        }
        if (v instanceof LocalDate) {
            return "date";
        }
        if (v instanceof LocalDateTime) {
            return "datetime";
        }
        if (v instanceof OffsetDateTime) {
            return "datetimezone";
        }
        if (v instanceof LocalTime) {
            return "time";
        }
        if (v instanceof Duration) {
            return "duration";
        }
        if (v instanceof MBinary) {
            return "binary";
        }
        if (v instanceof MList) {
            return "list";
        }
        if (v instanceof MRecord) {
            return "record";
        }
        if (v instanceof MTable) {
            return "table";
        }
        if (v instanceof MFunction) {
            return "function";
        }
        if (v instanceof MType) {
            return "type";
        }
        throw new IllegalStateException("not an M value: " + v.getClass());
    }

    public static MType typeOf(Object v) {
        v = strip(v);
        if (v instanceof MTable t) {
            return t.type();
        }
        if (v instanceof MRecord r) {
            return r.type();
        }
        if (v instanceof MList l) {
            return l.type();
        }
        if (v instanceof MFunction f) {
            return f.type();
        }
        return MType.primitive(kind(v));
    }

    public static String text(Object v) {
        v = strip(v);
        if (v instanceof String s) {
            return s;
        }
        throw Errors.cannotConvert(v, "Text");
    }

    public static double number(Object v) {
        v = strip(v);
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof BigDecimal b) {
            return DotNetDecimals.toDouble(b);
        }
        throw Errors.cannotConvert(v, "Number");
    }

    public static boolean logical(Object v) {
        v = strip(v);
        if (v instanceof Boolean b) {
            return b;
        }
        throw Errors.cannotConvert(v, "Logical");
    }

    public static MList list(Object v) {
        v = strip(v);
        if (v instanceof MList l) {
            return l;
        }
        throw Errors.cannotConvert(v, "List");
    }

    public static MRecord record(Object v) {
        v = strip(v);
        if (v instanceof MRecord r) {
            return r;
        }
        throw Errors.cannotConvert(v, "Record");
    }

    public static MBinary binary(Object v) {
        v = strip(v);
        if (v instanceof MBinary b) {
            return b;
        }
        throw Errors.cannotConvert(v, "Binary");
    }

    public static MTable table(Object v) {
        v = strip(v);
        if (v instanceof MTable t) {
            return t;
        }
        throw Errors.cannotConvert(v, "Table");
    }

    public static MFunction function(Object v) {
        v = strip(v);
        if (v instanceof MFunction f) {
            return f;
        }
        throw Errors.cannotConvert(v, "Function");
    }

    public static MType type(Object v) {
        v = strip(v);
        if (v instanceof MType t) {
            return t;
        }
        throw Errors.cannotConvert(v, "Type");
    }

    /** M equality: values of different kinds are unequal (1 &lt;&gt; "1"), null equals only null, structures compare deeply. */
    public static boolean equal(Object a, Object b) {
        a = strip(a);
        b = strip(b);
        if (a == null || b == null) {
            return a == b;
        }
        if ((a instanceof Double || a instanceof BigDecimal) && (b instanceof Double || b instanceof BigDecimal)) {
            return number(a) == number(b);
        }
        if (a instanceof MList x && b instanceof MList y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!equal(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof MRecord x && b instanceof MRecord y) {
            if (x.names().size() != y.names().size() || !y.names().containsAll(x.names())) {
                return false;
            }
            for (String n : x.names()) {
                if (!equal(x.get(n), y.get(n))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof MTable x && b instanceof MTable y) {
            if (x.rowCount() != y.rowCount() || x.columns().size() != y.columns().size()
                    || !y.columns().containsAll(x.columns())) {
                return false;
            }
            for (int c = 0; c < x.columns().size(); c++) {
                int yc = y.columnIndex(x.columns().get(c));
                for (int r = 0; r < x.rowCount(); r++) {
                    if (!equal(x.cell(r, c), y.cell(r, yc))) {
                        return false;
                    }
                }
            }
            return true;
        }
        if (a instanceof MType x && b instanceof MType y) {
            return x.sameAs(y);
        }
        if (a instanceof MFunction) {
            return a == b;
        }
        if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
            return x.isEqual(y); // datetimezones are equal when they denote the same UTC instant
        }
        return a.getClass() == b.getClass() && a.equals(b);
    }

    /** M ordering for &lt; &gt; and sorting: null sorts first; mixed kinds cannot be compared. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compare(Object a, Object b) {
        a = strip(a);
        b = strip(b);
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? -1 : 1;
        }
        if ((a instanceof Double || a instanceof BigDecimal) && (b instanceof Double || b instanceof BigDecimal)) {
            return Double.compare(number(a), number(b));
        }
        if (a instanceof String x && b instanceof String y) {
            return Integer.signum(x.compareTo(y));
        }
        if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
            return Integer.signum(x.toInstant().compareTo(y.toInstant())); // compared after normalizing to UTC
        }
        if (a instanceof MBinary x && b instanceof MBinary y) {
            return Integer.signum(java.util.Arrays.compareUnsigned(x.bytes(), y.bytes()));
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable c) {
            return Integer.signum(c.compareTo(b));
        }
        throw expressionCannotCompare(a, b);
    }

    /**
     * The ascending order of kinds when Value.Compare and the sorts (List.Sort, Table.Sort) meet values of different
     * kinds, which the comparison operators refuse: null, time, date, datetime, datetimezone, duration, number,
     * logical, text, binary. Evidence: dingbatdata.com's "Extra documentation for Sorting Functions and Comparing
     * Functions in Power Query" (2018), observed on Power Query: Value.Compare(null, 7) is -1 and a duration sorts
     * after a time. Lists, records, tables, functions and types still cannot be compared.
     */
    private static final List<String> KIND_ORDER = List.of("null", "time", "date", "datetime", "datetimezone",
            "duration", "number", "logical", "text", "binary");

    /** Value.Compare's order: {@link #compare} within a kind, {@link #KIND_ORDER} across kinds. */
    public static int order(Object a, Object b) {
        String ka = kind(a), kb = kind(b);
        if (!ka.equals(kb)) { // ranked only across kinds: a sort calls this for every comparison
            int ra = KIND_ORDER.indexOf(ka), rb = KIND_ORDER.indexOf(kb);
            if (ra >= 0 && rb >= 0) {
                return Integer.compare(ra, rb);
            }
        }
        return compare(a, b);
    }

    private static RuntimeException expressionCannotCompare(Object a, Object b) {
        return Errors.expression("We cannot apply operator < to types " + capital(kind(a)) + " and " + capital(kind(b)) + ".");
    }

    static String capital(String k) {
        return Character.toUpperCase(k.charAt(0)) + k.substring(1);
    }

    /** Text form used by Text.From, CSV output and error messages (en-US, invariant-like). */
    public static String toText(Object v) {
        v = strip(v);
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Double d) {
            return formatNumber(d);
        }
        if (v instanceof BigDecimal b) {
            return b.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (v instanceof LocalDate d) {
            return d.getMonthValue() + "/" + d.getDayOfMonth() + "/" + d.getYear();
        }
        if (v instanceof LocalDateTime d) {
            return toText(d.toLocalDate()) + " " + d.toLocalTime().format(DateTimeFormatter.ofPattern("h:mm:ss a"));
        }
        if (v instanceof LocalTime t) {
            return t.format(DateTimeFormatter.ofPattern("h:mm:ss a"));
        }
        if (v instanceof OffsetDateTime d) {
            return toText(d.toLocalDateTime()) + " " + d.getOffset();
        }
        if (v instanceof Duration d) {
            // .NET TimeSpan's constant format: [-][d.]hh:mm:ss[.fffffff], no day part when it is zero
            Duration p = d.abs();
            StringBuilder sb = new StringBuilder(d.isNegative() ? "-" : "");
            if (p.toDays() != 0) {
                sb.append(p.toDays()).append('.');
            }
            sb.append(String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", p.toHoursPart(), p.toMinutesPart(), p.toSecondsPart()));
            if (p.toNanosPart() != 0) {
                sb.append('.').append(String.format(java.util.Locale.ROOT, "%07d", p.toNanosPart() / 100));
            }
            return sb.toString();
        }
        if (v instanceof MBinary b) {
            return java.util.Base64.getEncoder().encodeToString(b.bytes());
        }
        return "[" + capital(kind(v)) + "]";
    }

    public static String formatNumber(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String s = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        return s;
    }

    /** A short description for messages: the value for scalars, the kind for structures. */
    public static String describe(Object v) {
        v = strip(v);
        if (v instanceof String s) {
            return "\"" + s + "\"";
        }
        if (v == null || v instanceof MList || v instanceof MRecord || v instanceof MTable || v instanceof MFunction
                || v instanceof MType) {
            return v == null ? "null" : "of type " + capital(kind(v));
        }
        return toText(v);
    }

    public static MList listOf(List<?> values) {
        return new MList(values);
    }
}
