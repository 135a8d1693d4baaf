package org.gatehouse.powerquery.impl.lib;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gatehouse.powerquery.impl.eval.Operators;
import org.gatehouse.powerquery.impl.value.*;

/** Literal constructors (#date, #table...), type and enumeration constants, Value.*, Record.*, Logical.*. */
final class CoreFunctions {

    private CoreFunctions() {
    }

    /**
     * Value.Add and its siblings: Precision.Decimal (1) computes two numbers in decimal; otherwise (Precision.Double,
     * the default) a decimal operand is taken as a double, as the operators do with mixed operands.
     */
    private static Object withPrecision(String op, Object[] a) {
        Object l = Args.v(a, 0), r = Args.v(a, 1);
        boolean numbers = (l instanceof Double || l instanceof java.math.BigDecimal)
                && (r instanceof Double || r instanceof java.math.BigDecimal);
        if (numbers && Args.v(a, 2) != null && Args.number(a, 2) == 1) {
            return org.gatehouse.powerquery.impl.eval.DecimalArithmetic.apply(op, l, r);
        }
        if (numbers) {
            return Operators.binary(op, Values.number(l), Values.number(r));
        }
        return Operators.binary(op, l, r);
    }

    /** The sign of x - y in decimal arithmetic when both are numbers and the precision is Precision.Decimal. */
    private static Integer decimalOrder(Object[] a) {
        Object l = Args.v(a, 0), r = Args.v(a, 1);
        boolean numbers = (l instanceof Double || l instanceof java.math.BigDecimal)
                && (r instanceof Double || r instanceof java.math.BigDecimal);
        if (!numbers || Args.v(a, 2) == null || Args.number(a, 2) != 1) {
            return null;
        }
        return org.gatehouse.powerquery.impl.eval.DecimalArithmetic.apply("-", l, r).signum();
    }

    /**
     * The record functions' missingField for a field the record lacks: MissingField.Ignore (1) skips it,
     * MissingField.UseNull (2) adds it as null (false is returned), MissingField.Error (0, the default) raises.
     */
    static boolean skipsMissingField(int missingField, String name) {
        if (missingField == 1 || missingField == 2) {
            return missingField == 1;
        }
        throw Errors.expression("The field '" + name + "' of the record wasn't found.");
    }

    static void register(Library lib) {
        constants(lib);
        literals(lib);
        values(lib);
        records(lib);
    }

    private static void constants(Library lib) {
        for (String k : new String[] {"Any", "None", "Null", "Logical", "Number", "Text", "Date", "DateTime",
                "DateTimeZone", "Time", "Duration", "Binary", "List", "Record", "Table", "Function", "Type"}) {
            lib.value(k + ".Type", MType.primitive(k.toLowerCase(java.util.Locale.ROOT)));
        }
        for (String f : new String[] {"Int64", "Int32", "Int16", "Int8", "Byte", "Single", "Double", "Decimal",
                "Currency", "Percentage"}) {
            lib.value(f + ".Type", MType.facet("number", f));
        }
        lib.value("Character.Type", MType.facet("text", "Character"));
        lib.value("Precision.Double", 0.0);
        lib.value("Precision.Decimal", 1.0);
        lib.value("Order.Ascending", 0.0);
        lib.value("GroupKind.Local", 0.0);
        lib.value("GroupKind.Global", 1.0);
        lib.value("Order.Descending", 1.0);
        lib.value("QuoteStyle.None", 0.0);
        lib.value("QuoteStyle.Csv", 1.0);
        lib.value("Compression.None", -1.0);
        lib.value("Compression.GZip", 0.0);
        lib.value("Compression.Deflate", 1.0);
        lib.value("BinaryEncoding.Base64", 0.0);
        lib.value("BinaryEncoding.Hex", 1.0);
        lib.value("JoinKind.Inner", 0.0);
        lib.value("JoinKind.LeftOuter", 1.0);
        lib.value("JoinKind.RightOuter", 2.0);
        lib.value("JoinKind.FullOuter", 3.0);
        lib.value("JoinKind.LeftAnti", 4.0);
        lib.value("JoinKind.RightAnti", 5.0);
        lib.value("JoinKind.LeftSemi", 6.0);
        lib.value("JoinKind.RightSemi", 7.0);
        lib.value("ExtraValues.List", 0.0);
        lib.value("ExtraValues.Error", 1.0);
        lib.value("ExtraValues.Ignore", 2.0);
        lib.value("Occurrence.First", 0.0);
        lib.value("Occurrence.Last", 1.0);
        lib.value("Occurrence.All", 2.0);
        lib.value("MissingField.Error", 0.0);
        lib.value("MissingField.Ignore", 1.0);
        lib.value("MissingField.UseNull", 2.0);
        lib.value("TextEncoding.Utf8", 65001.0);
        lib.value("TextEncoding.Utf16", 1200.0);
        lib.value("TextEncoding.Unicode", 1200.0);
        lib.value("TextEncoding.Ascii", 20127.0);
        lib.value("TextEncoding.Windows", 1252.0);
        lib.value("RoundingMode.Up", 0.0);
        lib.value("RoundingMode.Down", 1.0);
        lib.value("RoundingMode.AwayFromZero", 2.0);
        lib.value("RoundingMode.TowardZero", 3.0);
        lib.value("RoundingMode.ToEven", 4.0);
        lib.value("#infinity", Double.POSITIVE_INFINITY);
        lib.value("#nan", Double.NaN);
    }

    /** The calendar part of #date/#datetime/#datetimezone: M's years run from 1 to 9999 only. */
    private static LocalDate date(Object[] a, int from) {
        int year = Args.integer(a, from);
        if (year < 1 || year > 9999) {
            throw Errors.expression("The year " + year + " is outside the range 1 to 9999.");
        }
        return LocalDate.of(year, Args.integer(a, from + 1), Args.integer(a, from + 2));
    }

    /** A datetimezone's offset: at most 14 hours either side of UTC (Java would allow 18). */
    private static ZoneOffset offset(Object[] a, int from) {
        int minutes = Args.integer(a, from) * 60 + Args.integer(a, from + 1);
        if (Math.abs(minutes) > 14 * 60) {
            throw Errors.expression("The offset " + minutes + " minutes is outside the range -14:00 to 14:00.");
        }
        return ZoneOffset.ofTotalSeconds(minutes * 60);
    }

    private static void literals(Library lib) {
        lib.fn("#date", 3, 3, a -> date(a, 0));
        lib.fn("#time", 3, 3, a -> time(a, 0));
        lib.fn("#datetime", 6, 6, a -> LocalDateTime.of(date(a, 0), time(a, 3)));
        lib.fn("#datetimezone", 8, 8, a -> OffsetDateTime.of(date(a, 0), time(a, 3), offset(a, 6)));
        // a duration counts whole 100-nanosecond ticks, so finer fractions of a second round away
        lib.fn("#duration", 4, 4, a -> Duration.ofNanos(100 * Math.round((Args.number(a, 0) * 86400
                + Args.number(a, 1) * 3600 + Args.number(a, 2) * 60 + Args.number(a, 3)) * 1e7)));
        lib.fn("#binary", 1, 1, a -> {
            Object v = Args.v(a, 0);
            if (v instanceof String s) {
                return new MBinary(java.util.Base64.getDecoder().decode(s));
            }
            List<Object> items = Args.list(a, 0).values();
            byte[] b = new byte[items.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) Values.number(items.get(i));
            }
            return new MBinary(b);
        });
        lib.fn("#table", 2, 2, a -> {
            Object columns = Args.v(a, 0);
            List<Object[]> rows = new ArrayList<>();
            for (Object row : Args.list(a, 1).values()) {
                rows.add(Values.list(row).slots().toArray());
            }
            List<String> names = new ArrayList<>();
            List<MType> types = null;
            if (columns instanceof MType t) {
                names.addAll(t.fieldNames());
                types = new ArrayList<>(t.fieldTypes());
            } else if (columns instanceof MList l) {
                for (Object n : l.values()) {
                    names.add(Values.text(n));
                }
            } else {
                // a count of columns, or null: as many as the widest row
                int n = columns == null ? rows.stream().mapToInt(r -> r.length).max().orElse(0) : (int) Values.number(columns);
                for (int i = 1; i <= n; i++) {
                    names.add("Column" + i);
                }
            }
            for (Object[] r : rows) {
                if (r.length != names.size()) {
                    throw Errors.expression("The row has " + r.length + " values but the table has " + names.size() + " columns.");
                }
            }
            MTable table = new MTable(names, types, rows);
            return columns instanceof MType t ? table.withKeys(t.keys()) : table;
        });
    }

    private static LocalTime time(Object[] a, int from) {
        double seconds = Args.number(a, from + 2);
        return LocalTime.of(Args.integer(a, from), Args.integer(a, from + 1), (int) seconds,
                (int) Math.round((seconds - Math.floor(seconds)) * 1e9));
    }

    private static void values(Library lib) {
        lib.fn("Value.Type", 1, 1, a -> Values.typeOf(Args.v(a, 0)));
        lib.fn("Value.Is", 2, 2, a -> Values.type(Args.v(a, 1)).accepts(Args.v(a, 0)));
        lib.fn("Value.As", 2, 2, a -> {
            if (!Values.type(Args.v(a, 1)).accepts(Args.v(a, 0))) {
                throw Errors.cannotConvert(Args.v(a, 0), Values.type(Args.v(a, 1)));
            }
            return Args.v(a, 0);
        });
        // the optional precision (their reference syntax): Precision.Decimal compares two numbers as decimals,
        // as Value.Subtract(x, y, Precision.Decimal) computes their difference
        lib.fn("Value.Equals", 2, 3, a -> decimalOrder(a) != null ? decimalOrder(a) == 0 : Values.equal(a[0], a[1]));
        lib.fn("Value.NullableEquals", 2, 3, a -> Args.v(a, 0) == null || Args.v(a, 1) == null ? null
                : decimalOrder(a) != null ? decimalOrder(a) == 0 : Values.equal(a[0], a[1]));
        lib.fn("Value.Compare", 2, 3, a -> decimalOrder(a) != null ? (double) decimalOrder(a) : (double) Values.order(a[0], a[1]));
        lib.fn("Value.Metadata", 1, 1, a -> a[0] instanceof WithMeta m ? m.metadata() : MRecord.of());
        lib.fn("Value.RemoveMetadata", 1, 2, a -> {
            if (Args.v(a, 1) == null || !(a[0] instanceof WithMeta m)) {
                return Values.strip(a[0]);
            }
            // only the named metadata fields go
            List<String> gone = names(Args.v(a, 1));
            List<String> keep = new ArrayList<>();
            List<Object> slots = new ArrayList<>();
            for (int i = 0; i < m.metadata().names().size(); i++) {
                if (!gone.contains(m.metadata().names().get(i))) {
                    keep.add(m.metadata().names().get(i));
                    slots.add(m.metadata().slot(i));
                }
            }
            return new WithMeta(m.value(), new MRecord(keep, slots));
        });
        lib.fn("Value.ReplaceMetadata", 2, 2, a -> new WithMeta(Values.strip(a[0]), Args.record(a, 1)));
        lib.fn("Value.Add", 2, 3, a -> withPrecision("+", a));
        lib.fn("Value.Subtract", 2, 3, a -> withPrecision("-", a));
        lib.fn("Value.Multiply", 2, 3, a -> withPrecision("*", a));
        lib.fn("Value.Divide", 2, 3, a -> withPrecision("/", a));
        lib.fn("Logical.From", 1, 2, a -> Convert.to(Args.v(a, 0), MType.LOGICAL));
        lib.fn("Logical.FromText", 1, 1, a -> Args.v(a, 0) == null ? null : Convert.toLogical(Args.text(a, 0)));
        lib.fn("Logical.ToText", 1, 1, a -> Args.v(a, 0) == null ? null : Values.logical(Args.v(a, 0)) ? "true" : "false");
        lib.fn("Error.Record", 1, 5, a -> {
            // with parameters the message is also the message's format, as Power Query's structured errors carry it
            Object format = Args.v(a, 3) == null ? null : Args.v(a, 1);
            return MRecord.of("Reason", Args.v(a, 0), "Message", Args.v(a, 1), "Detail", Args.v(a, 2),
                    "Message.Format", format, "Message.Parameters", Args.v(a, 3), "ErrorCode", Args.v(a, 4));
        });
        lib.fn("Expression.Evaluate", 1, 2, a -> {
            // the environment is only what the record gives, as in M (commonly #shared)
            org.gatehouse.powerquery.impl.eval.Env env = new org.gatehouse.powerquery.impl.eval.Env(null);
            MRecord r = Args.recordOrEmpty(a, 1);
            for (int i = 0; i < r.names().size(); i++) {
                Object slot = r.slot(i);
                env.define(r.names().get(i), slot instanceof Thunk t ? t : Thunk.of(slot));
            }
            return org.gatehouse.powerquery.impl.eval.Evaluator.eval(
                    org.gatehouse.powerquery.impl.syntax.Parser.parseExpression(Args.text(a, 0)), env);
        });
        lib.fn("Function.Invoke", 2, 2, a -> Args.function(a, 0).call(Args.list(a, 1).values().toArray()));
        // tracing has no sink here: the traced value passes through; delayed = true means value is a function of no
        // arguments called after the trace (the reference's example gives "123" for () => Text.From(123))
        lib.fn("Diagnostics.Trace", 3, 4, a -> a.length > 3 && Boolean.TRUE.equals(Args.v(a, 3))
                ? Args.function(a, 2).call(new Object[0]) : a[2]);
    }

    private static void records(Library lib) {
        lib.fn("Record.Field", 2, 2, a -> {
            MRecord r = Args.record(a, 0);
            String f = Args.text(a, 1);
            if (!r.has(f)) {
                throw Errors.expression("The field '" + f + "' of the record wasn't found.");
            }
            return r.get(f);
        });
        lib.fn("Record.FieldOrDefault", 2, 3, a -> {
            MRecord r = Args.record(a, 0);
            return r.has(Args.text(a, 1)) ? r.get(Args.text(a, 1)) : Args.v(a, 2);
        });
        lib.fn("Record.HasFields", 2, 2, a -> {
            MRecord r = Args.record(a, 0);
            Object f = Args.v(a, 1);
            List<Object> names = f instanceof MList l ? l.values() : List.of(f);
            return names.stream().allMatch(n -> r.has(Values.text(n)));
        });
        lib.fn("Record.FieldNames", 1, 1, a -> new MList(Args.record(a, 0).names()));
        lib.fn("Record.FieldValues", 1, 1, a -> new MList(Args.record(a, 0).slots()));
        lib.fn("Record.FieldCount", 1, 1, a -> (double) Args.record(a, 0).names().size());
        lib.fn("Record.AddField", 3, 4, a -> {
            MRecord r = Args.record(a, 0);
            String n = Args.text(a, 1);
            if (r.has(n)) {
                throw Errors.expression("The field '" + n + "' already exists in the record.");
            }
            return Operators.mergeRecords(r, MRecord.of(n, Args.v(a, 2)));
        });
        lib.fn("Record.RemoveFields", 2, 3, a -> {
            MRecord r = Args.record(a, 0);
            List<String> drop = names(Args.v(a, 1));
            List<String> keep = new ArrayList<>();
            List<Object> slots = new ArrayList<>();
            for (String d : drop) {
                if (!r.has(d) && Args.v(a, 2) == null) {
                    throw Errors.expression("The field '" + d + "' of the record wasn't found.");
                }
            }
            for (int i = 0; i < r.names().size(); i++) {
                if (!drop.contains(r.names().get(i))) {
                    keep.add(r.names().get(i));
                    slots.add(r.slot(i));
                }
            }
            return new MRecord(keep, slots);
        });
        lib.fn("Record.SelectFields", 2, 3, a -> org.gatehouse.powerquery.impl.eval.Access.project(Args.record(a, 0),
                names(Args.v(a, 1)), Args.v(a, 2) != null));
        lib.fn("Record.Combine", 1, 1, a -> {
            MRecord out = MRecord.of();
            for (Object r : Args.list(a, 0).values()) {
                out = Operators.mergeRecords(out, Values.record(r));
            }
            return out;
        });
        lib.fn("Record.ToTable", 1, 1, a -> {
            MRecord r = Args.record(a, 0);
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < r.names().size(); i++) {
                rows.add(new Object[] {r.names().get(i), r.slot(i)});
            }
            return new MTable(List.of("Name", "Value"), null, rows);
        });
        lib.fn("Record.FromList", 2, 2, a -> {
            Object fields = Args.v(a, 1);
            List<String> n = fields instanceof MType t && t.fieldNames() != null ? t.fieldNames() : names(fields);
            MList values = Args.list(a, 0);
            if (values.size() != n.size()) {
                throw Errors.expression("The number of values does not match the number of fields.");
            }
            return new MRecord(n, values.slots());
        });
        lib.fn("Record.ToList", 1, 1, a -> new MList(Args.record(a, 0).slots()));
        lib.fn("Record.TransformFields", 2, 3, a -> {
            MRecord r = Args.record(a, 0);
            List<Object> ops = Args.list(a, 1).values();
            if (!ops.isEmpty() && !(ops.get(0) instanceof MList)) {
                ops = List.of(Args.list(a, 1));
            }
            List<Object> slots = new ArrayList<>(r.slots());
            List<String> names = new ArrayList<>(r.names());
            // the reference's missingField: MissingField.Ignore skips a missing field, UseNull includes it as null
            int missing = Args.integerOr(a, 2, 0);
            for (Object op : ops) {
                MList pair = Values.list(op);
                String name = Values.text(pair.get(0));
                int i = names.indexOf(name);
                if (i < 0) {
                    if (!skipsMissingField(missing, name)) {
                        names.add(name);
                        slots.add(null);
                    }
                    continue;
                }
                MFunction f = Values.function(pair.get(1));
                Object old = slots.get(i);
                slots.set(i, new Thunk(() -> f.call(Thunk.force(old))));
            }
            return new MRecord(names, slots);
        });
    }

    static List<String> names(Object v) {
        if (v instanceof String s) {
            return List.of(s);
        }
        List<String> out = new ArrayList<>();
        for (Object o : Values.list(v).values()) {
            out.add(Values.text(o));
        }
        return out;
    }

    static List<Object> asList(Object... xs) {
        return Arrays.asList(xs);
    }
}
