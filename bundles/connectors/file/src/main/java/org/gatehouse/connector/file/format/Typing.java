package org.gatehouse.connector.file.format;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gatehouse.api.Column;
import org.gatehouse.api.ColumnType;

/**
 * Column types: inferred from a sample of raw values, or declared, and the conversion of raw values into them.
 * Text is read in an invariant, ISO way (a '.' decimal point, {@code 2024-01-31}, {@code 2024-01-31T10:15:00},
 * {@code ...+02:00}); anything else stays text. In a text column an empty field is an empty string; in any other
 * column it is null.
 */
public final class Typing {

    private Typing() {
    }

    /** Narrows a column's inferred type as values are seen; start with null (no value seen yet). */
    public static ColumnType widen(ColumnType current, Object value) {
        if (value == null || (value instanceof String s && s.isEmpty())) {
            return current;
        }
        ColumnType seen = typeOf(value);
        if (current == null || current == seen) {
            return seen;
        }
        if (numeric(current) && numeric(seen)) {
            if (current == ColumnType.DOUBLE || seen == ColumnType.DOUBLE) {
                return ColumnType.DOUBLE;
            }
            return ColumnType.DECIMAL;
        }
        if ((current == ColumnType.DATE && seen == ColumnType.TIMESTAMP)
                || (current == ColumnType.TIMESTAMP && seen == ColumnType.DATE)) {
            return ColumnType.TIMESTAMP;
        }
        return ColumnType.STRING;
    }

    private static boolean numeric(ColumnType type) {
        return type == ColumnType.LONG || type == ColumnType.DECIMAL || type == ColumnType.DOUBLE;
    }

    private static ColumnType typeOf(Object value) {
        if (value instanceof Boolean) {
            return ColumnType.BOOLEAN;
        }
        if (value instanceof Long) {
            return ColumnType.LONG;
        }
        if (value instanceof BigDecimal) {
            return ColumnType.DECIMAL;
        }
        if (value instanceof Double) {
            return ColumnType.DOUBLE;
        }
        if (value instanceof LocalDateTime t) {
            return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? ColumnType.DATE : ColumnType.TIMESTAMP;
        }
        return typeOfText(value.toString());
    }

    private static ColumnType typeOfText(String text) {
        String s = text.trim();
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return ColumnType.BOOLEAN;
        }
        if (looksNumeric(s)) {
            ColumnType number = numberType(s);
            if (number != null) {
                return number;
            }
        }
        if (s.length() >= 10 && Character.isDigit(s.charAt(0)) && s.charAt(4) == '-') {
            try {
                LocalDate.parse(s);
                return ColumnType.DATE;
            } catch (DateTimeParseException e) {
                // not a plain date
            }
            try {
                LocalDateTime.parse(s);
                return ColumnType.TIMESTAMP;
            } catch (DateTimeParseException e) {
                // not a local date-time
            }
            try {
                OffsetDateTime.parse(s);
                return ColumnType.TIMESTAMP_TZ;
            } catch (DateTimeParseException e) {
                // text after all
            }
        }
        return ColumnType.STRING;
    }

    private static ColumnType numberType(String s) {
        try {
            new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
        if (s.indexOf('e') >= 0 || s.indexOf('E') >= 0) {
            return ColumnType.DOUBLE;
        }
        if (s.indexOf('.') >= 0) {
            return ColumnType.DECIMAL;
        }
        try {
            Long.parseLong(s);
            return ColumnType.LONG;
        } catch (NumberFormatException e) {
            // an integer beyond long's range is still a number
            return ColumnType.DECIMAL;
        }
    }

    private static boolean looksNumeric(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        // leading zeros (zip codes, ids like 007) stay text: a number would lose them
        if (s.length() > 1 && c == '0' && Character.isDigit(s.charAt(1))) {
            return false;
        }
        return Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && s.length() > 1);
    }

    /**
     * Converts a raw value to the column's Java type.
     *
     * @throws IllegalArgumentException saying which value does not fit
     */
    public static Object convert(Object raw, ColumnType type) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof String s && s.isEmpty()) {
            return type == ColumnType.STRING ? s : null;
        }
        try {
            switch (type) {
                case STRING:
                    return text(raw);
                case BOOLEAN:
                    if (raw instanceof Boolean) {
                        return raw;
                    }
                    String b = raw.toString().trim();
                    if (b.equalsIgnoreCase("true")) {
                        return Boolean.TRUE;
                    }
                    if (b.equalsIgnoreCase("false")) {
                        return Boolean.FALSE;
                    }
                    throw new IllegalArgumentException();
                case INTEGER:
                    return Math.toIntExact(longValue(raw));
                case LONG:
                    return longValue(raw);
                case DOUBLE:
                    return raw instanceof Number n ? n.doubleValue() : Double.parseDouble(raw.toString().trim());
                case DECIMAL:
                    return raw instanceof BigDecimal d ? d : raw instanceof Long l ? BigDecimal.valueOf(l)
                            : raw instanceof Double d ? BigDecimal.valueOf(d) : new BigDecimal(raw.toString().trim());
                case DATE:
                    if (raw instanceof LocalDateTime t) {
                        return t.toLocalDate();
                    }
                    String d = raw.toString().trim();
                    return d.length() > 10 ? LocalDateTime.parse(d).toLocalDate() : LocalDate.parse(d);
                case TIME:
                    return raw instanceof LocalDateTime t ? t.toLocalTime() : LocalTime.parse(raw.toString().trim());
                case TIMESTAMP:
                    if (raw instanceof LocalDateTime) {
                        return raw;
                    }
                    String t = raw.toString().trim();
                    return t.length() == 10 ? LocalDate.parse(t).atStartOfDay() : LocalDateTime.parse(t);
                case TIMESTAMP_TZ:
                    return OffsetDateTime.parse(raw.toString().trim());
                case BINARY:
                    return java.util.Base64.getDecoder().decode(raw.toString().trim());
                default:
                    throw new IllegalArgumentException();
            }
        } catch (RuntimeException e) {
            String shown = raw.toString();
            if (shown.length() > 60) {
                shown = shown.substring(0, 60) + "...";
            }
            throw new IllegalArgumentException("'" + shown + "' is not a " + type.name().toLowerCase(Locale.ROOT));
        }
    }

    private static long longValue(Object raw) {
        if (raw instanceof Long l) {
            return l;
        }
        if (raw instanceof BigDecimal d) {
            return d.longValueExact();
        }
        if (raw instanceof Double d) {
            return new BigDecimal(d).longValueExact();
        }
        return Long.parseLong(raw.toString().trim());
    }

    private static String text(Object raw) {
        if (raw instanceof String s) {
            return s;
        }
        if (raw instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (raw instanceof Double d) {
            return d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15 ? Long.toString(d.longValue())
                    : BigDecimal.valueOf(d).toPlainString();
        }
        return raw.toString();
    }

    /**
     * Parses a declared schema: {@code name:type, name:type}. Types are {@link ColumnType} names in any case, or
     * {@code int}, {@code text}, {@code number}, {@code datetime}, {@code datetimezone}.
     */
    public static List<Column> parseColumns(String declaration) {
        Map<String, Column> columns = new LinkedHashMap<>();
        for (String part : declaration.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int colon = part.lastIndexOf(':');
            if (colon <= 0 || colon == part.length() - 1) {
                throw new IllegalArgumentException("a declared column is name:type, got '" + part.trim() + "'");
            }
            String name = part.substring(0, colon).trim();
            Column column = new Column(name, type(part.substring(colon + 1).trim()));
            if (columns.put(name, column) != null) {
                throw new IllegalArgumentException("column '" + name + "' is declared twice");
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("the declared schema names no columns");
        }
        return new ArrayList<>(columns.values());
    }

    public static ColumnType type(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "int":
                return ColumnType.INTEGER;
            case "text":
            case "string":
                return ColumnType.STRING;
            case "number":
                return ColumnType.DOUBLE;
            case "datetime":
                return ColumnType.TIMESTAMP;
            case "datetimezone":
            case "datetimeoffset":
                return ColumnType.TIMESTAMP_TZ;
            default:
                try {
                    return ColumnType.valueOf(name.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown column type '" + name + "'");
                }
        }
    }
}
