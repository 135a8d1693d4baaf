package org.gatehouse.powerquery.impl.lib;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.gatehouse.powerquery.impl.eval.DecimalArithmetic;
import org.gatehouse.powerquery.impl.value.*;

/**
 * Value conversions behind Number.From, Date.From, Table.TransformColumnTypes... with the default culture (en-US);
 * {@link CultureConvert} does them for the others.
 */
final class Convert {

    /** The default culture's lenient date reader, looked up on first use: most conversions never need it. */
    private static final class DefaultCultureDates {
        // by name, not Culture.Current: the holder is initialised once, possibly inside a refresh in another culture
        static final LenientDateParser PARSER = LenientDateParser.of(Culture.of(Culture.DEFAULT_NAME));
    }

    /** Day zero of Excel/OLE automation dates, which M uses when numbers become dates. */
    static final LocalDateTime OLE_EPOCH = LocalDateTime.of(1899, 12, 30, 0, 0);

    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("M/d/yyyy"), DateTimeFormatter.ofPattern("M/d/yy"),
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("d.M.yyyy"),
            DateTimeFormatter.ofPattern("MMMM d, yyyy", java.util.Locale.US),
            DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.US),
            DateTimeFormatter.ofPattern("yyyyMMdd"));

    private Convert() {
    }

    /** Converts to the primitive kind (and facet) of a type; null stays null. */
    static Object to(Object v, MType type) {
        v = Values.strip(v);
        if (v == null || emptyToNull(v, type)) {
            return null;
        }
        String facet = type.facet();
        return switch (type.kind()) {
            case "number" -> {
                // Percentage.Type is held as a decimal too: Excel receives its values rounded as decimals are
                if ("Decimal".equals(facet) || "Currency".equals(facet) || "Percentage".equals(facet)) {
                    BigDecimal decimal = toDecimal(v);
                    // Currency.Type is a fixed-point decimal with four places
                    yield "Currency".equals(facet) ? decimal.setScale(4, RoundingMode.HALF_EVEN) : decimal;
                }
                double d = toNumber(v);
                if ("Int64".equals(facet) || "Int32".equals(facet) || "Int16".equals(facet) || "Int8".equals(facet)
                        || "Byte".equals(facet)) {
                    yield (double) Math.rint(d);
                }
                if ("Currency".equals(facet)) {
                    yield BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_EVEN).doubleValue();
                }
                yield d;
            }
            case "text" -> v instanceof String ? v : toText(v);
            case "logical" -> toLogical(v);
            case "date" -> toDate(v);
            case "datetime" -> toDateTime(v);
            case "datetimezone" -> toDateTimeZone(v);
            case "time" -> toTime(v);
            case "duration" -> toDuration(v);
            case "any" -> v;
            default -> {
                if (!type.accepts(v)) {
                    throw Errors.cannotConvert(v, type.toString());
                }
                yield v;
            }
        };
    }

    /** A number in decimal precision: text is read in base ten directly, so "0.1" is exactly one tenth. */
    /**
     * An empty text (a CSV's blank cell) converts to null for numbers, dates, times and logicals, as a change of
     * type in Power Query leaves such a cell empty instead of an error. So does a text of spaces only: a public
     * workbook (PowerQuery_Sales_Data_Cleaning_and_ETL_Pipeline.xlsx) types a CSV's quoted " " Amount as number
     * and Excel cached an empty cell for it.
     */
    static boolean emptyToNull(Object v, MType type) {
        if (!(v instanceof String s) || !s.isBlank()) {
            return false;
        }
        return switch (type.kind()) {
            case "number", "date", "datetime", "datetimezone", "time", "duration", "logical" -> true;
            default -> false;
        };
    }

    static BigDecimal toDecimal(Object v) {
        if (v instanceof BigDecimal b) {
            return b;
        }
        if (v instanceof String s) {
            String plain = s.trim();
            if (!plain.isEmpty() && numberCharacters(plain)) {
                try {
                    return new BigDecimal(plain);
                } catch (NumberFormatException e) {
                    // not Java's decimal syntax ("1.", "+.5e"): the general number parser decides below
                }
            }
        }
        double d = toNumber(v);
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw Errors.dataFormat("We couldn't convert to Number.");
        }
        return DecimalArithmetic.ofDouble(d);
    }


    static double toNumber(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof BigDecimal b) {
            return b.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof String s) {
            return parseNumber(s);
        }
        if (v instanceof LocalDate d) {
            return (double) java.time.temporal.ChronoUnit.DAYS.between(OLE_EPOCH.toLocalDate(), d);
        }
        if (v instanceof LocalDateTime d) {
            return Duration.between(OLE_EPOCH, d).toNanos() / 86_400e9;
        }
        if (v instanceof Duration d) {
            return d.toNanos() / 86_400e9;
        }
        if (v instanceof LocalTime t) {
            return t.toNanoOfDay() / 86_400e9;
        }
        throw Errors.cannotConvert(v, "Number");
    }

    static double parseNumber(String text) {
        double plain = plainDecimal(text);
        if (!Double.isNaN(plain)) {
            return plain;
        }
        String s = text.trim().replace(",", "");
        boolean percent = s.endsWith("%");
        if (percent) {
            s = s.substring(0, s.length() - 1).trim();
        }
        if (s.startsWith("(") && s.endsWith(")")) {
            s = "-" + s.substring(1, s.length() - 1); // accounting negatives: "($1.50)"
        }
        // the currency symbol may stand apart from the digits and on either side, as .NET's currency parsing
        // allows: "$ 55,000", "- $5", "12 $"
        if (s.startsWith("$")) {
            s = s.substring(1).trim();
        } else if (s.startsWith("-") && s.substring(1).trim().startsWith("$")) {
            s = "-" + s.substring(1).trim().substring(1).trim();
        } else if (s.endsWith("$")) {
            s = s.substring(0, s.length() - 1).trim();
        }
        try {
            if (s.isEmpty() || !numberCharacters(s)) {
                throw new NumberFormatException();
            }
            // a percentage is scaled in decimal so "12.3%" is exactly 0.123, not 12.3 / 100 in binary
            return percent ? new BigDecimal(s).movePointLeft(2).doubleValue() : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw Errors.dataFormat("We couldn't convert to Number.");
        }
    }

    /**
     * The common CSV number, {@code -?digits[.digits]} with at most 15 digits, without the general parser: the digits
     * as a long and one division by a power of ten, both exact in a double, give the correctly rounded value, the
     * same as Double.parseDouble. NaN when the text is anything else.
     */
    static double plainDecimal(String s) {
        int n = s.length();
        if (n == 0 || n > 17) {
            return Double.NaN;
        }
        int i = 0;
        boolean negative = s.charAt(0) == '-';
        if (negative) {
            i++;
        }
        long digits = 0;
        int count = 0;
        int fraction = -1;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = digits * 10 + (c - '0');
                count++;
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
            } else {
                return Double.NaN;
            }
        }
        if (count == 0 || count > 15) {
            return Double.NaN;
        }
        double d = fraction > 0 ? digits / POWERS_OF_TEN[fraction] : digits;
        return negative ? -d : d;
    }

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16};

    /** Only digits, signs, exponent letters and dots: what Double.parseDouble may read as M reads it. */
    private static boolean numberCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c == 'e' || c == 'E' || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    static String toText(Object v) {
        if (v instanceof MList || v instanceof MRecord || v instanceof MTable || v instanceof MFunction
                || v instanceof MType) {
            throw Errors.cannotConvert(v, "Text");
        }
        return Values.toText(v);
    }

    static Boolean toLogical(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            if (s.trim().equalsIgnoreCase("true")) {
                return true;
            }
            if (s.trim().equalsIgnoreCase("false")) {
                return false;
            }
            throw Errors.expression("Could not convert to a logical."); // M's reason here is Expression.Error
        }
        if (v instanceof Double d) {
            return d != 0;
        }
        throw Errors.cannotConvert(v, "Logical");
    }

    static LocalDate toDate(Object v) {
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v instanceof LocalDateTime d) {
            return d.toLocalDate();
        }
        if (v instanceof OffsetDateTime d) {
            return d.toLocalDate();
        }
        if (v instanceof Double d) {
            return OLE_EPOCH.toLocalDate().plusDays((long) Math.floor(d));
        }
        if (v instanceof String s) {
            return parseDateTime(s).toLocalDate();
        }
        throw Errors.cannotConvert(v, "Date");
    }

    static LocalDateTime toDateTime(Object v) {
        if (v instanceof LocalDateTime d) {
            return d;
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (v instanceof OffsetDateTime d) {
            return d.toLocalDateTime();
        }
        if (v instanceof Double d) {
            return OLE_EPOCH.plusNanos(Math.round(d * 86_400e9));
        }
        if (v instanceof LocalTime t) {
            return OLE_EPOCH.toLocalDate().atTime(t); // a time of day on day zero, as number 0.x would be
        }
        if (v instanceof String s) {
            return parseDateTime(s);
        }
        throw Errors.cannotConvert(v, "DateTime");
    }

    static OffsetDateTime toDateTimeZone(Object v) {
        if (v instanceof OffsetDateTime d) {
            return d;
        }
        if (v instanceof String s) {
            try {
                return OffsetDateTime.parse(s.trim());
            } catch (DateTimeParseException e) {
                try {
                    // other layouts: "3/5/2024 10:00 AM +02:00", "2024-03-05 10:00:00 -03:00"
                    return DefaultCultureDates.PARSER.parse(s).toDateTimeZone();
                } catch (RuntimeException e2) {
                    throw Errors.dataFormat("We couldn't parse the input provided as a DateTimeZone value.");
                }
            }
        }
        return toDateTime(v).atZone(java.time.ZoneId.systemDefault()).toOffsetDateTime();
    }

    static LocalTime toTime(Object v) {
        if (v instanceof LocalTime t) {
            return t;
        }
        if (v instanceof LocalDateTime d) {
            return d.toLocalTime();
        }
        if (v instanceof Double d) {
            return LocalTime.ofNanoOfDay(Math.round((d - Math.floor(d)) * 86_400e9) % 86_400_000_000_000L);
        }
        if (v instanceof String s) {
            try {
                return LocalTime.parse(s.trim());
            } catch (DateTimeParseException e) {
                try {
                    return LocalTime.parse(s.trim().toUpperCase(java.util.Locale.ROOT), DateTimeFormatter.ofPattern("h:mm[:ss] a", java.util.Locale.US));
                } catch (DateTimeParseException e2) {
                    LocalTime compact = compactTime(s.trim());
                    if (compact != null) {
                        return compact;
                    }
                    throw Errors.dataFormat("We couldn't parse the input provided as a Time value.");
                }
            }
        }
        throw Errors.cannotConvert(v, "Time");
    }

    /** "10", "1012", "101231", "10:12:31am": hours with optional minutes and seconds, digits only or with an am/pm. */
    private static LocalTime compactTime(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)(\\d{1,2})(?::?(\\d{2}))?(?::?(\\d{2}))?\\s*([ap]m)?")
                .matcher(s);
        if (!m.matches()) {
            return null;
        }
        int h = Integer.parseInt(m.group(1));
        int min = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int sec = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if (m.group(4) != null) {
            h = h % 12 + (m.group(4).equalsIgnoreCase("pm") ? 12 : 0);
        }
        return h < 24 && min < 60 && sec < 60 ? LocalTime.of(h, min, sec) : null;
    }

    static Duration toDuration(Object v) {
        if (v instanceof Duration d) {
            return d;
        }
        if (v instanceof Double d) {
            return Duration.ofNanos(Math.round(d * 86_400e9));
        }
        if (v instanceof String s) {
            String[] dayRest = s.trim().split("\\.", 2);
            try {
                if (dayRest.length == 2 && dayRest[1].contains(":")) {
                    return Duration.ofDays(Long.parseLong(dayRest[0])).plus(Duration.between(LocalTime.MIN, LocalTime.parse(dayRest[1])));
                }
                return Duration.between(LocalTime.MIN, LocalTime.parse(s.trim()));
            } catch (RuntimeException e) {
                throw Errors.dataFormat("We couldn't parse the input provided as a Duration value.");
            }
        }
        throw Errors.cannotConvert(v, "Duration");
    }

    static LocalDateTime parseDateTime(String text) {
        String s = text.trim();
        try {
            return LocalDateTime.parse(s.replace(' ', 'T'));
        } catch (DateTimeParseException ignored) {
            // other layouts below
        }
        String datePart = s, timePart = null;
        int space = s.indexOf(' ');
        if (space > 0 && Character.isDigit(s.charAt(0)) && s.substring(space + 1).matches("\\d{1,2}:.*")) {
            datePart = s.substring(0, space);
            timePart = s.substring(space + 1);
        }
        for (DateTimeFormatter f : DATE_FORMATS) {
            try {
                LocalDate d = LocalDate.parse(datePart, f);
                return timePart == null ? d.atStartOfDay() : LocalDateTime.of(d, toTime(timePart));
            } catch (DateTimeParseException ignored) {
                // try the next layout
            }
        }
        try {
            // month names as en-US writes them: "Apr 8, 2022", "8 April 2022"
            return DefaultCultureDates.PARSER.parse(text).toDateTime();
        } catch (RuntimeException e) {
            throw Errors.dataFormat("We couldn't parse the input provided as a Date value.");
        }
    }
}
