package org.gatehouse.powerquery.impl.lib;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Locale;

/**
 * Cultures the engine has no .NET data for, built from Java's locale data (CLDR): close to .NET for numbers and names,
 * with Java's date patterns rewritten in .NET's pattern syntax. Null when Java doesn't know the language either.
 */
final class JavaCultures {

    private JavaCultures() {
    }

    static Culture find(String name) {
        Locale locale = Locale.forLanguageTag(name);
        if (locale.getLanguage().isEmpty() || !known(locale)) {
            return null;
        }
        DecimalFormatSymbols numbers = DecimalFormatSymbols.getInstance(locale);
        java.text.DateFormatSymbols dates = java.text.DateFormatSymbols.getInstance(locale);
        String[] amPm = dates.getAmPmStrings();
        String shortDate = WINDOWS_SHORT_DATES.getOrDefault(locale.toLanguageTag(),
                datePattern(FormatStyle.SHORT, null, locale));
        return new Culture.Builder(locale.toLanguageTag())
                .numbers(String.valueOf(numbers.getDecimalSeparator()), String.valueOf(numbers.getGroupingSeparator()))
                .negativeSign(String.valueOf(numbers.getMinusSign()))
                .percentSymbol(String.valueOf(numbers.getPercent()))
                .currency(numbers.getCurrencySymbol(), pattern(NumberFormat.getCurrencyInstance(locale), '\u00A4', '$'),
                        "-" + pattern(NumberFormat.getCurrencyInstance(locale), '\u00A4', '$'))
                .percent(pattern(NumberFormat.getPercentInstance(locale), '%', '%'),
                        "-" + pattern(NumberFormat.getPercentInstance(locale), '%', '%'))
                .dates(shortDate, datePattern(FormatStyle.FULL, null, locale), monthDay(shortDate), yearMonth(shortDate))
                .dateSeparator(dateSeparator(shortDate))
                .times(datePattern(null, FormatStyle.SHORT, locale), datePattern(null, FormatStyle.MEDIUM, locale),
                        amPm[0], amPm[1])
                .monthArrays(months(locale, TextStyle.FULL_STANDALONE, TextStyle.FULL),
                        months(locale, TextStyle.SHORT_STANDALONE, TextStyle.SHORT))
                .genitiveMonths(String.join("|", months(locale, TextStyle.FULL, TextStyle.FULL)),
                        String.join("|", months(locale, TextStyle.SHORT, TextStyle.SHORT)))
                .dayArrays(days(locale, TextStyle.FULL), days(locale, TextStyle.SHORT))
                .build();
    }

    /**
     * Short dates where Windows' culture data, which Excel's Power Query (on .NET Framework) reads, differs from CLDR:
     * en-AU is d/MM/yyyy there (dotnet/runtime#65824 shows .NET Framework 4.7.2 on Windows 10 against CLDR's d/M/yyyy),
     * en-IN is dd-MM-yyyy (dotnet/core#2452: .NET Framework writes en-IN dates with '-' for the '/' separator).
     */
    private static final java.util.Map<String, String> WINDOWS_SHORT_DATES = java.util.Map.of(
            "en-AU", "d/MM/yyyy",
            "en-IN", "dd-MM-yyyy");

    /**
     * The date separator .NET puts for '/' in a pattern: the one the culture's short date writes between its first two
     * fields ("." in tr-TR's dd.MM.yyyy), "/" when it writes none.
     */
    static String dateSeparator(String shortDate) {
        int i = 0;
        while (i < shortDate.length() && Character.isLetter(shortDate.charAt(i))) {
            i++;
        }
        int end = i;
        while (end < shortDate.length() && !Character.isLetter(shortDate.charAt(end))) {
            end++;
        }
        String separator = shortDate.substring(i, end);
        return separator.isBlank() || separator.indexOf('\'') >= 0 ? "/" : separator;
    }

    private static boolean known(Locale locale) {
        return Arrays.stream(DecimalFormatSymbols.getAvailableLocales())
                .anyMatch(l -> l.getLanguage().equals(locale.getLanguage()));
    }

    /** A DecimalFormat's positive pattern as .NET writes currency and percent patterns: 'n' for the number. */
    private static String pattern(NumberFormat format, char symbol, char placeholder) {
        String p = format instanceof DecimalFormat d ? d.toPattern() : "#,##0.00";
        int semicolon = p.indexOf(';');
        if (semicolon >= 0) {
            p = p.substring(0, semicolon);
        }
        int first = -1, last = -1;
        for (int i = 0; i < p.length(); i++) {
            if ("#0,.".indexOf(p.charAt(i)) >= 0) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0) {
            return "n";
        }
        return (p.substring(0, first) + "n" + p.substring(last + 1)).replace(symbol, placeholder).replace("'", "");
    }

    /** Java's localized pattern rewritten for .NET: years as yyyy, weekdays as ddd/dddd, a for tt. */
    /*
     * Java 17 has no CLDR month-day or year-month skeletons; the short date's field order gives the same order for the
     * cultures we know (day first in en-GB, en-IN, de; month first in en-US; year first in ja, zh, sv), and the date
     * parser reads "Apr-18" by these orders.
     */
    static String monthDay(String shortDate) {
        return shortDate.indexOf('d') < shortDate.indexOf('M') ? "d MMMM" : "MMMM d";
    }

    static String yearMonth(String shortDate) {
        return shortDate.indexOf('y') < shortDate.indexOf('M') ? "yyyy MMMM" : "MMMM yyyy";
    }

    private static String datePattern(FormatStyle date, FormatStyle time, Locale locale) {
        String java = DateTimeFormatterBuilder.getLocalizedDateTimePattern(date, time, IsoChronology.INSTANCE, locale);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < java.length()) {
            char c = java.charAt(i);
            int n = 1;
            while (i + n < java.length() && java.charAt(i + n) == c) {
                n++;
            }
            if (c == '\'') {
                int end = java.indexOf('\'', i + 1);
                end = end < 0 ? java.length() - 1 : end;
                out.append(java, i, end + 1);
                i = end + 1;
                continue;
            }
            out.append(switch (c) {
                case 'y', 'u' -> "yyyy";
                case 'L' -> "M".repeat(n);
                case 'E', 'c' -> n >= 4 ? "dddd" : "ddd";
                case 'a', 'B' -> "tt";
                case 'k' -> "H".repeat(n);
                case 'K' -> "h".repeat(n);
                case 'G', 'z', 'Z', 'v', 'V', 'O', 'X', 'x' -> "";
                default -> String.valueOf(c).repeat(n);
            });
            i += n;
        }
        return out.toString().trim();
    }

    private static String[] months(Locale locale, TextStyle style, TextStyle fallback) {
        String[] names = new String[12];
        for (Month m : Month.values()) {
            String name = m.getDisplayName(style, locale);
            // some locales have no stand-alone forms and answer with the month's number
            names[m.ordinal()] = name.chars().allMatch(Character::isDigit) ? m.getDisplayName(fallback, locale) : name;
        }
        return names;
    }

    private static String[] days(Locale locale, TextStyle style) {
        String[] names = new String[7];
        for (DayOfWeek d : DayOfWeek.values()) {
            names[d.getValue() % 7] = d.getDisplayName(style, locale);
        }
        return names;
    }
}
