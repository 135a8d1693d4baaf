package org.gatehouse.powerquery.impl.lib;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.gatehouse.powerquery.impl.value.Errors;

/**
 * Dates and times in .NET format strings for a culture, both ways, as Date.ToText/FromText and their siblings do with a
 * Format: custom patterns (yyyy, MMM, dddd, HH, hh, fff, tt, zzz, quoted literals, '/' as the culture's date
 * separator) and the standard one-letter formats, which stand for the culture's patterns.
 */
final class DotNetDateFormat {

    /** One per culture (cultures are cached), so the name lists for reading are built once. */
    private static final java.util.Map<Culture, DotNetDateFormat> FORMATS = new java.util.concurrent.ConcurrentHashMap<>();

    private final Culture culture;
    private volatile java.util.List<TextCursor.Name> monthNames;
    private volatile java.util.List<TextCursor.Name> dayNames;

    private DotNetDateFormat(Culture culture) {
        this.culture = culture;
    }

    /** The format of a culture name; null is the default culture, "" the invariant one. */
    static DotNetDateFormat of(String cultureName) {
        return of(Culture.of(cultureName));
    }

    static DotNetDateFormat of(Culture culture) {
        return FORMATS.computeIfAbsent(culture, DotNetDateFormat::new);
    }

    /** The culture's default text of a date/time value (Text.From or ToText without a format). */
    String defaultText(Object v) {
        if (v instanceof LocalDate) {
            return format(v, culture.shortDate);
        }
        if (v instanceof LocalTime) {
            return format(v, culture.longTime);
        }
        if (v instanceof LocalDateTime) {
            return format(v, culture.shortDate + " " + culture.longTime);
        }
        return format(v, culture.shortDate + " " + culture.longTime + " zzz");
    }

    /** The pattern a one-letter standard format stands for, or null when the format is a custom one. */
    private String standard(String format) {
        if (format.length() != 1) {
            return null;
        }
        return switch (format.charAt(0)) {
            case 'd' -> culture.shortDate;
            case 'D' -> culture.longDate;
            case 't' -> culture.shortTime;
            case 'T' -> culture.longTime;
            case 'g' -> culture.shortDate + " " + culture.shortTime;
            case 'G' -> culture.shortDate + " " + culture.longTime;
            case 'f' -> culture.longDate + " " + culture.shortTime;
            case 'F', 'U' -> culture.longDate + " " + culture.longTime;
            case 'M', 'm' -> culture.monthDay;
            case 'Y', 'y' -> culture.yearMonth;
            case 'o', 'O' -> "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK";
            case 'r', 'R' -> "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'";
            case 's' -> "yyyy'-'MM'-'dd'T'HH':'mm':'ss";
            case 'u' -> "yyyy'-'MM'-'dd HH':'mm':'ss'Z'";
            default -> null;
        };
    }

    /** The round-trip and sortable formats are the same in every culture. */
    private DotNetDateFormat forStandard(String format) {
        return format.length() == 1 && "oOrRsu".indexOf(format.charAt(0)) >= 0 ? of(Culture.of("")) : this;
    }

    /** The parts of a .NET format string, in order: literal text or a run of one pattern letter. */
    private interface PatternVisitor {
        void literal(String text);

        void field(char letter, int count);
    }

    private static void walk(String format, PatternVisitor visitor) {
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c == '\'' || c == '"') {
                int end = format.indexOf(c, i + 1);
                end = end < 0 ? format.length() : end;
                visitor.literal(format.substring(i + 1, end));
                i = end + 1;
            } else if (c == '\\') {
                if (i + 1 < format.length()) {
                    visitor.literal(String.valueOf(format.charAt(i + 1)));
                }
                i += 2;
            } else if (c == '%') {
                i++; // "%d": a single custom letter, not the standard format
            } else {
                int n = 1;
                while (i + n < format.length() && format.charAt(i + n) == c) {
                    n++;
                }
                if ("yMdHhmsfFtzKg/".indexOf(c) >= 0) {
                    visitor.field(c, n);
                } else {
                    visitor.literal(String.valueOf(c).repeat(n));
                }
                i += n;
            }
        }
    }

    /** .NET writes genitive month names when the pattern also shows the day as a number ("d MMMM"). */
    private static boolean showsDayNumber(String format) {
        boolean[] found = new boolean[1];
        walk(format, new PatternVisitor() {
            @Override
            public void literal(String text) {
            }

            @Override
            public void field(char letter, int count) {
                found[0] |= letter == 'd' && count <= 2;
            }
        });
        return found[0];
    }

    String format(Object v, String format) {
        DotNetDateFormat f = forStandard(format);
        String pattern = standard(format) != null ? f.standard(format) : format;
        return f.formatPattern(v, pattern);
    }

    private String formatPattern(Object v, String format) {
        LocalDate date = v instanceof LocalDate d ? d : v instanceof LocalDateTime d ? d.toLocalDate()
                : v instanceof OffsetDateTime d ? d.toLocalDate() : null;
        LocalTime time = v instanceof LocalTime t ? t : v instanceof LocalDateTime d ? d.toLocalTime()
                : v instanceof OffsetDateTime d ? d.toLocalTime() : LocalTime.MIDNIGHT;
        ZoneOffset offset = v instanceof OffsetDateTime d ? d.getOffset() : null;
        int[] ymd = date == null ? null : culture.calendarFields(date);
        boolean genitive = showsDayNumber(format);
        StringBuilder out = new StringBuilder();
        walk(format, new PatternVisitor() {
            @Override
            public void literal(String text) {
                out.append(text);
            }

            @Override
            public void field(char c, int n) {
                switch (c) {
                    case 'y' -> out.append(n <= 2 ? pad(need(ymd)[0] % 100, n) : pad(need(ymd)[0], n));
                    case 'M' -> out.append(n >= 3 ? monthName(need(ymd)[1], n == 3, genitive) : pad(need(ymd)[1], n));
                    case 'd' -> out.append(n >= 3 ? dayName(need(date), n == 3) : pad(need(ymd)[2], n));
                    case 'H' -> out.append(pad(time.getHour(), Math.min(n, 2)));
                    case 'h' -> out.append(pad(time.getHour() % 12 == 0 ? 12 : time.getHour() % 12, Math.min(n, 2)));
                    case 'm' -> out.append(pad(time.getMinute(), Math.min(n, 2)));
                    case 's' -> out.append(pad(time.getSecond(), Math.min(n, 2)));
                    case 'f', 'F' -> fraction(out, time, c, n);
                    case 't' -> {
                        String designator = time.getHour() < 12 ? culture.am : culture.pm;
                        out.append(n == 1 && !designator.isEmpty() ? designator.substring(0, 1) : designator);
                    }
                    case 'z' -> out.append(offsetText(need(offset), n));
                    case 'K' -> out.append(offset == null ? "" : offsetText(offset, 3));
                    case 'g' -> out.append(era(need(date).getYear() > 0));
                    case '/' -> out.append(culture.dateSeparator.repeat(n));
                    default -> out.append(String.valueOf(c).repeat(n));
                }
            }
        });
        return out.toString();
    }

    private static void fraction(StringBuilder out, LocalTime time, char c, int n) {
        String digits = String.format(java.util.Locale.ROOT, "%09d", time.getNano()).substring(0, Math.min(n, 7));
        if (c == 'F') {
            digits = digits.replaceAll("0+$", "");
            if (digits.isEmpty() && out.length() > 0 && out.charAt(out.length() - 1) == '.') {
                out.setLength(out.length() - 1); // .NET drops the separator of an empty fraction
            }
        }
        out.append(digits);
    }

    private static <T> T need(T part) {
        if (part == null) {
            throw Errors.expression("The format doesn't fit the value.");
        }
        return part;
    }

    private static String pad(int v, int width) {
        String s = Integer.toString(v);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    private String monthName(int month, boolean abbreviated, boolean genitive) {
        String[] names = abbreviated ? genitive ? culture.abbreviatedGenitiveMonths : culture.abbreviatedMonths
                : genitive ? culture.genitiveMonths : culture.months;
        return names[month - 1];
    }

    private String dayName(LocalDate d, boolean abbreviated) {
        int index = d.getDayOfWeek().getValue() % 7; // the culture's names start on Sunday
        return (abbreviated ? culture.abbreviatedDays : culture.days)[index];
    }

    private static String offsetText(ZoneOffset o, int n) {
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
     * Reads text written in a format (custom or standard one-letter) for this culture. Missing date parts are 1 (as
     * .NET, the current year is not assumed), a missing time is absent, names match in any letter case, with or
     * without an abbreviation's period, nominative or genitive. Text that doesn't fit is a DataFormat.Error.
     */
    ParsedDateTime parse(String text, String format) {
        DotNetDateFormat f = forStandard(format);
        String pattern = standard(format) != null ? f.standard(format) : format;
        TextCursor in = new TextCursor(text.strip());
        int[] fields = {1, 1, 1, -1, 0, 0, 0, -1}; // year, month, day, hour, minute, second, nano, pm
        boolean[] hasTime = new boolean[1];
        ZoneOffset[] offset = new ZoneOffset[1];
        walk(pattern, new PatternVisitor() {
            @Override
            public void literal(String literal) {
                in.expectLiteral(literal);
            }

            @Override
            public void field(char c, int n) {
                switch (c) {
                    case 'y' -> fields[0] = n <= 2 ? f.culture.fullYear(in.digits(1, 2)) : in.digits(1, Math.max(n, 4));
                    case 'M' -> fields[1] = n >= 3 ? in.name(f.monthNames()) : in.digits(1, 2);
                    case 'd' -> {
                        if (n >= 3) {
                            in.name(f.dayNames()); // the weekday says nothing the date doesn't
                        } else {
                            fields[2] = in.digits(1, 2);
                        }
                    }
                    case 'H', 'h' -> {
                        fields[3] = in.digits(1, 2);
                        hasTime[0] = true;
                    }
                    case 'm' -> {
                        fields[4] = in.digits(1, 2);
                        hasTime[0] = true;
                    }
                    case 's' -> {
                        fields[5] = in.digits(1, 2);
                        hasTime[0] = true;
                    }
                    case 'f', 'F' -> {
                        fields[6] = in.fraction(c == 'f' ? n : 0, n);
                        hasTime[0] = true;
                    }
                    case 't' -> fields[7] = in.designator(f.culture);
                    case 'z', 'K' -> offset[0] = in.offset(c == 'K');
                    case 'g' -> in.skipLetters();
                    case '/' -> in.expectLiteral(f.culture.dateSeparator.repeat(n));
                    default -> in.expectLiteral(String.valueOf(c).repeat(n));
                }
            }
        });
        in.expectEnd();
        try {
            int hour = fields[3] < 0 ? 0 : fields[3];
            if (fields[7] >= 0) {
                hour = hour % 12 + (fields[7] == 1 ? 12 : 0);
            }
            LocalDate date = f.culture.calendarDate(fields[0], fields[1], fields[2]);
            LocalTime time = hasTime[0] ? LocalTime.of(hour, fields[4], fields[5], fields[6]) : null;
            return new ParsedDateTime(date, time, offset[0]);
        } catch (java.time.DateTimeException e) {
            throw TextCursor.mismatch();
        }
    }

    /** Month names to read: 1-12 by every name the culture writes for them, full or abbreviated, either case form. */
    java.util.List<TextCursor.Name> monthNames() {
        if (monthNames == null) {
            monthNames = readableMonthNames();
        }
        return monthNames;
    }

    private java.util.List<TextCursor.Name> readableMonthNames() {
        java.util.List<TextCursor.Name> names = new java.util.ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            for (String[] set : new String[][] {culture.months, culture.genitiveMonths, culture.abbreviatedMonths,
                culture.abbreviatedGenitiveMonths}) {
                names.add(new TextCursor.Name(set[m - 1], m));
            }
            // newer .NET (ICU) and Java write some abbreviations otherwise ("Mär", "März"): read those too
            for (java.time.format.TextStyle style : culture.umAlQura ? new java.time.format.TextStyle[0]
                    : new java.time.format.TextStyle[] {java.time.format.TextStyle.SHORT, java.time.format.TextStyle.SHORT_STANDALONE}) {
                String alias = java.time.Month.of(m).getDisplayName(style, culture.locale);
                if (!alias.chars().allMatch(Character::isDigit)) {
                    names.add(new TextCursor.Name(alias, m));
                }
            }
        }
        return TextCursor.longestFirst(names);
    }

    java.util.List<TextCursor.Name> dayNames() {
        if (dayNames == null) {
            java.util.List<TextCursor.Name> names = new java.util.ArrayList<>();
            for (int d = 0; d < 7; d++) {
                names.add(new TextCursor.Name(culture.days[d], d));
                names.add(new TextCursor.Name(culture.abbreviatedDays[d], d));
            }
            dayNames = TextCursor.longestFirst(names);
        }
        return dayNames;
    }

    /**
     * The era name: "A.D." for English and the invariant culture (the reference's "g" examples), another culture's
     * own abbreviated era from the JDK's locale data ("ap. J.-C." for fr-FR, as the same examples give).
     */
    private String era(boolean anno) {
        String language = culture.locale.getLanguage();
        if (language.isEmpty() || language.equals("en")) {
            return anno ? "A.D." : "B.C.";
        }
        String[] eras = java.text.DateFormatSymbols.getInstance(culture.locale).getEras();
        return eras.length > 1 ? eras[anno ? 1 : 0] : anno ? "A.D." : "B.C.";
    }
}
