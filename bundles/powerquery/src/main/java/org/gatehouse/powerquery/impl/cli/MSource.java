package org.gatehouse.powerquery.impl.cli;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.gatehouse.powerquery.impl.value.*;

/** Renders a value as M source text (what {@code eval} reports as "actual"), forcing every nested value. */
public final class MSource {

    private MSource() {
    }

    public static String of(Object v) {
        v = Values.strip(v);
        if (v == null) {
            return "null";
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return "#nan";
            }
            if (d.isInfinite()) {
                return d > 0 ? "#infinity" : "-#infinity";
            }
            return Values.formatNumber(d);
        }
        if (v instanceof java.math.BigDecimal d) {
            return Values.toText(d); // a decimal-precision number reads back as the same number
        }
        if (v instanceof String s) {
            return text(s);
        }
        if (v instanceof LocalDate d) {
            return "#date(" + d.getYear() + ", " + d.getMonthValue() + ", " + d.getDayOfMonth() + ")";
        }
        if (v instanceof LocalTime t) {
            return "#time(" + timeArgs(t) + ")";
        }
        if (v instanceof LocalDateTime d) {
            return "#datetime(" + d.getYear() + ", " + d.getMonthValue() + ", " + d.getDayOfMonth() + ", "
                    + timeArgs(d.toLocalTime()) + ")";
        }
        if (v instanceof OffsetDateTime d) {
            int offset = d.getOffset().getTotalSeconds() / 60;
            return "#datetimezone(" + d.getYear() + ", " + d.getMonthValue() + ", " + d.getDayOfMonth() + ", "
                    + timeArgs(d.toLocalTime()) + ", " + offset / 60 + ", " + offset % 60 + ")";
        }
        if (v instanceof Duration d) {
            long s = d.getSeconds();
            double sec = s % 60 + d.getNano() / 1e9;
            return "#duration(" + s / 86400 + ", " + (s / 3600) % 24 + ", " + (s / 60) % 60 + ", " + Values.formatNumber(sec) + ")";
        }
        if (v instanceof MBinary b) {
            return "#binary(" + text(java.util.Base64.getEncoder().encodeToString(b.bytes())) + ")";
        }
        if (v instanceof MList l) {
            List<String> items = new ArrayList<>();
            for (Object x : l.values()) {
                items.add(of(x));
            }
            return "{" + String.join(", ", items) + "}";
        }
        if (v instanceof MRecord r) {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < r.names().size(); i++) {
                fields.add(name(r.names().get(i)) + " = " + of(r.get(i)));
            }
            return "[" + String.join(", ", fields) + "]";
        }
        if (v instanceof MTable t) {
            List<String> columns = new ArrayList<>();
            t.columns().forEach(c -> columns.add(text(c)));
            List<String> rows = new ArrayList<>();
            for (int r = 0; r < t.rowCount(); r++) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < t.columns().size(); c++) {
                    cells.add(of(t.cell(r, c)));
                }
                rows.add("{" + String.join(", ", cells) + "}");
            }
            return "#table({" + String.join(", ", columns) + "}, {" + String.join(", ", rows) + "})";
        }
        if (v instanceof MType t) {
            return "type " + t;
        }
        return "(function)";
    }

    private static String timeArgs(LocalTime t) {
        return t.getHour() + ", " + t.getMinute() + ", " + Values.formatNumber(t.getSecond() + t.getNano() / 1e9);
    }

    public static String text(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\"\"");
                case '\r' -> sb.append("#(cr)");
                case '\n' -> sb.append("#(lf)");
                case '\t' -> sb.append("#(tab)");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static String name(String n) {
        return n.matches("[\\p{L}_][\\p{L}\\p{N}_]*") ? n : "#" + text(n);
    }
}
