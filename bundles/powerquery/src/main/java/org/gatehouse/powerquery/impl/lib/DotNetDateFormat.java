package org.gatehouse.powerquery.impl.lib;

import java.text.DateFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Formats dates and times with .NET format strings, as Date.ToText, DateTime.ToText and Text.From do: custom patterns
 * (yyyy, MMM, dddd, HH, hh, fff, tt, zzz, quoted literals) and the standard one-letter formats, for a culture.
 */
final class DotNetDateFormat {

    private final Locale locale;
    private final String culture;

    private DotNetDateFormat(String culture) {
        this.culture = culture == null ? "en-US" : culture;
        this.locale = this.culture.isEmpty() ? Locale.ROOT : Locale.forLanguageTag(this.culture);
    }

    static DotNetDateFormat of(String culture) {
        return new DotNetDateFormat(culture);
    }

    private boolean german() {
        return locale.getLanguage().equals("de");
    }

    private boolean usLike() {
        return culture.equalsIgnoreCase("en-US") || culture.isEmpty() && false;
    }

    private String shortDate() {
        if (culture.isEmpty()) {
            return "MM/dd/yyyy";
        }
        if (usLike()) {
            return "M/d/yyyy";
        }
        if (german()) {
            return "dd.MM.yyyy";
        }
        if (locale.getLanguage().equals("en") || locale.getLanguage().equals("fr") || locale.getLanguage().equals("es")
                || locale.getLanguage().equals("it")) {
            return "dd/MM/yyyy";
        }
        return "yyyy-MM-dd";
    }

    private String longTime() {
        return usLike() ? "h:mm:ss tt" : "HH:mm:ss";
    }

    private String shortTime() {
        return usLike() ? "h:mm tt" : "HH:mm";
    }

    private String longDate() {
        if (culture.isEmpty()) {
            return "dddd, dd MMMM yyyy";
        }
        if (german()) {
            return "dddd, d. MMMM yyyy";
        }
        return usLike() ? "dddd, MMMM d, yyyy" : "dddd, d MMMM yyyy";
    }

    /** The culture's default text of a date/time value (Text.From without a format). */
    String defaultText(Object v) {
        if (v instanceof LocalDate) {
            return format(v, shortDate());
        }
        if (v instanceof LocalTime) {
            return format(v, longTime());
        }
        if (v instanceof LocalDateTime) {
            return format(v, shortDate() + " " + longTime());
        }
        return format(v, shortDate() + " " + longTime() + " zzz");
    }

    private String standard(char c) {
        return switch (c) {
            case 'd' -> shortDate();
            case 'D' -> longDate();
            case 't' -> shortTime();
            case 'T' -> longTime();
            case 'g' -> shortDate() + " " + shortTime();
            case 'G' -> shortDate() + " " + longTime();
            case 'f' -> longDate() + " " + shortTime();
            case 'F' -> longDate() + " " + longTime();
            case 'M', 'm' -> german() ? "d. MMMM" : usLike() ? "MMMM d" : "d MMMM";
            case 'Y', 'y' -> "MMMM yyyy";
            case 'o', 'O' -> "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK";
            case 's' -> "yyyy'-'MM'-'dd'T'HH':'mm':'ss";
            case 'u' -> "yyyy'-'MM'-'dd HH':'mm':'ss'Z'";
            default -> null;
        };
    }

    String format(Object v, String format) {
        if (format.length() == 1 && standard(format.charAt(0)) != null) {
            format = standard(format.charAt(0));
        }
        LocalDate date = v instanceof LocalDate d ? d : v instanceof LocalDateTime d ? d.toLocalDate()
                : v instanceof OffsetDateTime d ? d.toLocalDate() : null;
        LocalTime time = v instanceof LocalTime t ? t : v instanceof LocalDateTime d ? d.toLocalTime()
                : v instanceof OffsetDateTime d ? d.toLocalTime() : LocalTime.MIDNIGHT;
        ZoneOffset offset = v instanceof OffsetDateTime d ? d.getOffset() : null;
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            int n = 1;
            while (i + n < format.length() && format.charAt(i + n) == c) {
                n++;
            }
            switch (c) {
                case '\'', '"' -> {
                    int end = format.indexOf(c, i + 1);
                    if (end < 0) {
                        end = format.length();
                    }
                    out.append(format, i + 1, end);
                    i = end + 1;
                    continue;
                }
                case '\\' -> {
                    if (i + 1 < format.length()) {
                        out.append(format.charAt(i + 1));
                    }
                    i += 2;
                    continue;
                }
                case '%' -> {
                    i++;
                    continue;
                }
                case 'y' -> out.append(year(need(date), n));
                case 'M' -> out.append(n >= 4 ? monthName(need(date).getMonthValue(), false)
                        : n == 3 ? monthName(need(date).getMonthValue(), true) : pad(need(date).getMonthValue(), n));
                case 'd' -> out.append(n >= 4 ? dayName(need(date), false) : n == 3 ? dayName(need(date), true)
                        : pad(need(date).getDayOfMonth(), n));
                case 'H' -> out.append(pad(time.getHour(), Math.min(n, 2)));
                case 'h' -> out.append(pad(time.getHour() % 12 == 0 ? 12 : time.getHour() % 12, Math.min(n, 2)));
                case 'm' -> out.append(pad(time.getMinute(), Math.min(n, 2)));
                case 's' -> out.append(pad(time.getSecond(), Math.min(n, 2)));
                case 'f', 'F' -> {
                    String digits = String.format("%09d", time.getNano()).substring(0, Math.min(n, 7));
                    if (c == 'F') {
                        digits = digits.replaceAll("0+$", "");
                        if (digits.isEmpty() && out.length() > 0 && out.charAt(out.length() - 1) == '.') {
                            out.setLength(out.length() - 1); // .NET drops the separator of an empty fraction
                        }
                    }
                    out.append(digits);
                }
                case 't' -> {
                    String ampm = amPm(time);
                    out.append(n == 1 && !ampm.isEmpty() ? ampm.substring(0, 1) : ampm);
                }
                case 'z' -> out.append(offset(need(offset), n));
                case 'K' -> out.append(offset == null ? "" : offset(offset, 3));
                case 'g' -> out.append(need(date).getYear() > 0 ? "A.D." : "B.C.");
                case '/' -> out.append(german() ? "." : "/");
                default -> out.append(String.valueOf(c).repeat(n));
            }
            i += n;
        }
        return out.toString();
    }

    private static <T> T need(T part) {
        if (part == null) {
            throw org.gatehouse.powerquery.impl.value.Errors.expression("The format doesn't fit the value.");
        }
        return part;
    }

    private static String year(LocalDate d, int n) {
        int y = d.getYear();
        if (n <= 2) {
            return pad(y % 100, n);
        }
        return pad(y, n);
    }

    private static String pad(int v, int width) {
        String s = Integer.toString(v);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    private String amPm(LocalTime t) {
        if (!usLike() && !culture.isEmpty() && !locale.getLanguage().equals("en")) {
            return "";
        }
        return t.getHour() < 12 ? "AM" : "PM";
    }

    private String monthName(int month, boolean abbreviated) {
        String full = DateFormatSymbols.getInstance(locale.equals(Locale.ROOT) ? Locale.US : locale).getMonths()[month - 1];
        if (!abbreviated) {
            return full;
        }
        if (locale.getLanguage().equals("en") || german() || locale.equals(Locale.ROOT)) {
            return full.substring(0, Math.min(3, full.length())); // .NET's abbreviations here are the first letters
        }
        return DateFormatSymbols.getInstance(locale).getShortMonths()[month - 1];
    }

    private String dayName(LocalDate d, boolean abbreviated) {
        DateFormatSymbols symbols = DateFormatSymbols.getInstance(locale.equals(Locale.ROOT) ? Locale.US : locale);
        int index = d.getDayOfWeek().getValue() % 7 + 1; // DateFormatSymbols: 1 = Sunday
        if (!abbreviated) {
            return symbols.getWeekdays()[index];
        }
        String s = symbols.getShortWeekdays()[index];
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String offset(ZoneOffset o, int n) {
        int total = o.getTotalSeconds();
        String sign = total < 0 ? "-" : "+";
        total = Math.abs(total);
        int h = total / 3600, m = total / 60 % 60;
        if (n == 1) {
            return sign + h;
        }
        if (n == 2) {
            return sign + pad(h, 2);
        }
        return sign + pad(h, 2) + ":" + pad(m, 2);
    }

    /**
     * Reads text written in a .NET format (custom or standard one-letter) for this culture: the date part (1 Jan 1 if
     * absent... as .NET, the current year is not assumed: a missing year is 1), the time (midnight if absent), the offset
     * (null if absent).
     */
    java.time.OffsetDateTime parseLenient(String text, String format, boolean[] hadOffset) {
        if (format.length() == 1 && standard(format.charAt(0)) != null) {
            format = standard(format.charAt(0));
        }
        java.time.format.DateTimeFormatterBuilder b = new java.time.format.DateTimeFormatterBuilder().parseCaseInsensitive();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            int n = 1;
            while (i + n < format.length() && format.charAt(i + n) == c) {
                n++;
            }
            switch (c) {
                case '\'', '"' -> {
                    int end = format.indexOf(c, i + 1);
                    if (end < 0) {
                        end = format.length();
                    }
                    b.appendLiteral(format.substring(i + 1, end));
                    i = end + 1;
                    continue;
                }
                case '\\' -> {
                    if (i + 1 < format.length()) {
                        b.appendLiteral(format.charAt(i + 1));
                    }
                    i += 2;
                    continue;
                }
                case 'y' -> {
                    if (n == 2) {
                        b.appendValueReduced(java.time.temporal.ChronoField.YEAR, 2, 2, 1950);
                    } else {
                        b.appendValue(java.time.temporal.ChronoField.YEAR, Math.max(n, 1), 9, java.time.format.SignStyle.NORMAL);
                    }
                }
                case 'M' -> {
                    if (n >= 3) {
                        java.util.Map<Long, String> names = new java.util.LinkedHashMap<>();
                        for (int m = 1; m <= 12; m++) {
                            names.put((long) m, monthName(m, n == 3));
                        }
                        b.appendText(java.time.temporal.ChronoField.MONTH_OF_YEAR, names);
                    } else {
                        number(b, java.time.temporal.ChronoField.MONTH_OF_YEAR, n);
                    }
                }
                case 'd' -> {
                    if (n >= 3) {
                        java.util.Map<Long, String> names = new java.util.LinkedHashMap<>();
                        for (int d = 1; d <= 7; d++) {
                            names.put((long) d, dayName(java.time.LocalDate.of(2024, 1, d), n == 3)); // 1 Jan 2024 is a Monday
                        }
                        b.appendText(java.time.temporal.ChronoField.DAY_OF_WEEK, names);
                    } else {
                        number(b, java.time.temporal.ChronoField.DAY_OF_MONTH, n);
                    }
                }
                case 'H' -> number(b, java.time.temporal.ChronoField.HOUR_OF_DAY, n);
                case 'h' -> number(b, java.time.temporal.ChronoField.CLOCK_HOUR_OF_AMPM, n);
                case 'm' -> number(b, java.time.temporal.ChronoField.MINUTE_OF_HOUR, n);
                case 's' -> number(b, java.time.temporal.ChronoField.SECOND_OF_MINUTE, n);
                case 'f' -> b.appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, n, n, false);
                case 'F' -> b.appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 0, n, false);
                case 't' -> b.appendText(java.time.temporal.ChronoField.AMPM_OF_DAY, java.util.Map.of(0L, "AM", 1L, "PM"));
                case 'z' -> b.appendOffset(n >= 3 ? "+HH:MM" : "+HH", "Z");
                case 'K' -> b.optionalStart().appendOffset("+HH:MM", "Z").optionalEnd();
                case '/' -> b.appendLiteral(german() ? "." : "/");
                default -> b.appendLiteral(String.valueOf(c).repeat(n));
            }
            i += n;
        }
        java.time.temporal.TemporalAccessor t = b.toFormatter(locale.equals(Locale.ROOT) ? Locale.US : locale)
                .withResolverStyle(java.time.format.ResolverStyle.SMART).parse(text.trim());
        LocalDate date = LocalDate.of(field(t, java.time.temporal.ChronoField.YEAR, 1),
                field(t, java.time.temporal.ChronoField.MONTH_OF_YEAR, 1), field(t, java.time.temporal.ChronoField.DAY_OF_MONTH, 1));
        LocalTime time = t.query(java.time.temporal.TemporalQueries.localTime());
        ZoneOffset offset = t.query(java.time.temporal.TemporalQueries.offset());
        hadOffset[0] = offset != null;
        return java.time.OffsetDateTime.of(date, time == null ? LocalTime.MIDNIGHT : time, offset == null ? ZoneOffset.UTC : offset);
    }

    /** Reads text in the culture's own short date (and optional long time) pattern, as FromText with only a culture. */
    java.time.OffsetDateTime parseCultureDefault(String text, boolean[] hadOffset) {
        RuntimeException last = null;
        for (String f : new String[] {shortDate() + " " + longTime(), shortDate() + " " + shortTime(), shortDate(), longDate(),
                "d MMMM yyyy", "d MMMM, yyyy", "MMMM d, yyyy", "MMM d, yyyy", "d MMM yyyy", "yyyy-MM-dd"}) {
            try {
                return parseLenient(text, f, hadOffset);
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw last;
    }

    private static int field(java.time.temporal.TemporalAccessor t, java.time.temporal.ChronoField f, int fallback) {
        return t.isSupported(f) ? t.get(f) : fallback;
    }

    private static void number(java.time.format.DateTimeFormatterBuilder b, java.time.temporal.ChronoField f, int n) {
        if (n >= 2) {
            b.appendValue(f, 2);
        } else {
            b.appendValue(f, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE);
        }
    }
}
