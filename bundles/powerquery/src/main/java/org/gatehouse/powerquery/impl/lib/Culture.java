package org.gatehouse.powerquery.impl.lib;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.gatehouse.powerquery.impl.value.Errors;
import org.gatehouse.powerquery.impl.value.MRecord;
import org.gatehouse.powerquery.impl.value.Values;

/**
 * What a culture name ("fr-FR", "" for the invariant culture) means to parsing and formatting: number symbols,
 * date/time patterns in .NET's syntax, month and day names, AM/PM designators. The data follows .NET (which Power
 * Query runs on), not Java: {@link CultureTable} holds it for the cultures workbooks use most, other names fall back to
 * Java's CLDR data ({@link JavaCultures}). Instances are immutable and cached, so a call resolves its culture once.
 */
final class Culture {

    /** The culture M uses when a function gets none (Culture.Current). */
    static final String DEFAULT_NAME = "en-US";

    private static final Map<String, Culture> CACHE = new ConcurrentHashMap<>();

    /**
     * The culture of the workbook being refreshed (Culture.Current), when it is not en-US: inherited by the threads
     * an evaluation starts, so the deep-stack evaluation thread sees it. Set only through {@link DocumentCulture}.
     */
    static final InheritableThreadLocal<String> DOCUMENT = new InheritableThreadLocal<>();

    final String name;
    final Locale locale;
    final String decimalSeparator;
    final String groupSeparator;
    /** Digits per group from the decimal point, the last size repeating, as .NET's NumberGroupSizes (en-IN: 3, 2). */
    private final int[] groupSizes;
    /** The separators of currency amounts ("C"), which some cultures set apart (fr-CH: 1 234.50 CHF but 1 234,5). */
    final String currencyDecimalSeparator;
    final String currencyGroupSeparator;
    final String negativeSign;
    final String percentSymbol;
    final String currencySymbol;
    /** Currency patterns with 'n' for the number and '$' for the symbol, as .NET's CurrencyPositive/NegativePattern. */
    final String currencyPositive;
    final String currencyNegative;
    final int currencyDigits;
    /** Percent patterns with 'n' for the number and '%' for the symbol. */
    final String percentPositive;
    final String percentNegative;
    final String shortDate;
    final String longDate;
    final String shortTime;
    final String longTime;
    final String monthDay;
    final String yearMonth;
    final String dateSeparator;
    final String[] months;
    final String[] abbreviatedMonths;
    /** Month names after a day number ("24 декабря"); the same as {@link #months} where the language has no genitive. */
    final String[] genitiveMonths;
    final String[] abbreviatedGenitiveMonths;
    /** Day names from Sunday, as .NET's DayNames. */
    final String[] days;
    final String[] abbreviatedDays;
    final String am;
    final String pm;
    /** Saudi Arabia counts years, months and days in the Umm al-Qura calendar, as .NET's ar-SA. */
    final boolean umAlQura;

    private Culture(Builder b) {
        name = b.name;
        locale = b.name.isEmpty() ? Locale.ROOT : Locale.forLanguageTag(b.name);
        decimalSeparator = b.decimalSeparator;
        groupSeparator = b.groupSeparator;
        groupSizes = b.groupSizes;
        currencyDecimalSeparator = b.currencyDecimalSeparator == null ? b.decimalSeparator : b.currencyDecimalSeparator;
        currencyGroupSeparator = b.currencyGroupSeparator == null ? b.groupSeparator : b.currencyGroupSeparator;
        negativeSign = b.negativeSign;
        percentSymbol = b.percentSymbol;
        currencySymbol = b.currencySymbol;
        currencyPositive = b.currencyPositive;
        currencyNegative = b.currencyNegative;
        currencyDigits = b.currencyDigits;
        percentPositive = b.percentPositive;
        percentNegative = b.percentNegative;
        shortDate = b.shortDate;
        longDate = b.longDate;
        shortTime = b.shortTime;
        longTime = b.longTime;
        monthDay = b.monthDay;
        yearMonth = b.yearMonth;
        dateSeparator = b.dateSeparator;
        months = b.months;
        abbreviatedMonths = b.abbreviatedMonths;
        genitiveMonths = b.genitiveMonths == null ? b.months : b.genitiveMonths;
        abbreviatedGenitiveMonths = b.abbreviatedGenitiveMonths == null ? b.abbreviatedMonths : b.abbreviatedGenitiveMonths;
        days = b.days;
        abbreviatedDays = b.abbreviatedDays;
        am = b.am;
        pm = b.pm;
        umAlQura = b.umAlQura;
    }

    /** The name of Culture.Current: the refreshed workbook's culture, else en-US. */
    static String currentName() {
        String document = DOCUMENT.get();
        return document == null ? DEFAULT_NAME : document;
    }

    /** The culture a name means, case-insensitively; null is Culture.Current. An unknown name is an M error. */
    static Culture of(String name) {
        String key = name == null ? currentName() : name.trim();
        Culture c = CACHE.get(key);
        if (c == null) {
            c = resolve(key);
            if (CACHE.size() < 1000) { // names come from workbooks: bound what a stream of odd ones can pin
                CACHE.put(key, c);
            }
        }
        return c;
    }

    /** The culture of a function's culture argument: a name, a record with a Culture field, or null for the default. */
    static Culture ofArgument(Object argument) {
        return of(nameOf(argument));
    }

    /** The culture name a function argument carries (text or [Culture = ...]), null when it carries none. */
    static String nameOf(Object argument) {
        Object v = Values.strip(argument);
        if (v instanceof MRecord r) {
            v = Values.strip(Args.option(r, "Culture"));
        }
        return v == null ? null : Values.text(v);
    }

    boolean isDefault() {
        return name.equals(DEFAULT_NAME);
    }

    /** Year, month and day of a date in the culture's calendar. */
    int[] calendarFields(java.time.LocalDate d) {
        if (umAlQura) {
            java.time.chrono.HijrahDate h = java.time.chrono.HijrahDate.from(d);
            return new int[] {h.get(java.time.temporal.ChronoField.YEAR_OF_ERA),
                h.get(java.time.temporal.ChronoField.MONTH_OF_YEAR), h.get(java.time.temporal.ChronoField.DAY_OF_MONTH)};
        }
        return new int[] {d.getYear(), d.getMonthValue(), d.getDayOfMonth()};
    }

    /** The date of a year, month and day in the culture's calendar; DateTimeException when there is none. */
    java.time.LocalDate calendarDate(int year, int month, int day) {
        if (umAlQura) {
            return java.time.LocalDate.from(java.time.chrono.HijrahChronology.INSTANCE.date(year, month, day));
        }
        return java.time.LocalDate.of(year, month, day);
    }

    /** .NET's two-digit year windows: up to 2049 (Gregorian) and 1451 (Hijri), the hundred years before them. */
    int fullYear(int twoDigits) {
        int max = umAlQura ? 1451 : 2049;
        int year = max / 100 * 100 + twoDigits;
        return year > max ? year - 100 : year;
    }

    private static Culture resolve(String name) {
        Culture builtIn = CultureTable.find(name);
        if (builtIn != null) {
            return builtIn;
        }
        Culture fromJava = JavaCultures.find(name);
        if (fromJava == null) {
            throw Errors.expression("The culture '" + name + "' isn't supported.");
        }
        return fromJava;
    }

    /** Whether a group separator goes to the left of the digit that has {@code digitsToTheRight} integer digits after it. */
    boolean isGroupBoundary(int digitsToTheRight) {
        int boundary = 0;
        for (int i = 0; boundary < digitsToTheRight; i++) {
            int size = groupSizes[Math.min(i, groupSizes.length - 1)];
            if (size <= 0) { // .NET: a last size of 0 leaves the remaining digits ungrouped
                return false;
            }
            boundary += size;
        }
        return digitsToTheRight > 0 && boundary == digitsToTheRight;
    }

    /** The symbols group separators show as when read back: .NET's narrow no-break space, but also what people type. */
    boolean isGroupCharacter(char c) {
        return isGroupCharacter(c, groupSeparator);
    }

    /** The same for the group separator of currency amounts. */
    boolean isCurrencyGroupCharacter(char c) {
        return isGroupCharacter(c, currencyGroupSeparator);
    }

    private static boolean isGroupCharacter(char c, String separator) {
        if (separator.indexOf(c) >= 0) {
            return true;
        }
        return isSpaceLike(separator) && (c == ' ' || c == '\u00A0' || c == '\u202F');
    }

    private static boolean isSpaceLike(String s) {
        return s.equals(" ") || s.equals("\u00A0") || s.equals("\u202F");
    }

    @Override
    public String toString() {
        return name.isEmpty() ? "(invariant)" : name;
    }

    /** Fluent construction for the culture tables; names lists are '|'-separated. */
    static final class Builder {
        private final String name;
        private String decimalSeparator = ".";
        private String groupSeparator = ",";
        private int[] groupSizes = {3};
        private String currencyDecimalSeparator;
        private String currencyGroupSeparator;
        private String negativeSign = "-";
        private String percentSymbol = "%";
        private String currencySymbol = "\u00A4";
        private String currencyPositive = "$n";
        private String currencyNegative = "-$n";
        private int currencyDigits = 2;
        private String percentPositive = "n %";
        private String percentNegative = "-n %";
        private String shortDate;
        private String longDate;
        private String shortTime = "HH:mm";
        private String longTime = "HH:mm:ss";
        private String monthDay = "d MMMM";
        private String yearMonth = "MMMM yyyy";
        private String dateSeparator = "/";
        private String[] months;
        private String[] abbreviatedMonths;
        private String[] genitiveMonths;
        private String[] abbreviatedGenitiveMonths;
        private String[] days;
        private String[] abbreviatedDays;
        private String am = "";
        private String pm = "";
        private boolean umAlQura;

        Builder(String name) {
            this.name = name;
        }

        Builder numbers(String decimal, String group) {
            decimalSeparator = decimal;
            groupSeparator = group;
            return this;
        }

        Builder currencySeparators(String decimal, String group) {
            currencyDecimalSeparator = decimal;
            currencyGroupSeparator = group;
            return this;
        }

        Builder groupSizes(int... sizes) {
            groupSizes = sizes.clone();
            return this;
        }

        Builder negativeSign(String sign) {
            negativeSign = sign;
            return this;
        }

        Builder percentSymbol(String symbol) {
            percentSymbol = symbol;
            return this;
        }

        Builder currency(String symbol, String positive, String negative) {
            currencySymbol = symbol;
            currencyPositive = positive;
            currencyNegative = negative;
            return this;
        }

        Builder currencyDigits(int digits) {
            currencyDigits = digits;
            return this;
        }

        Builder percent(String positive, String negative) {
            percentPositive = positive;
            percentNegative = negative;
            return this;
        }

        Builder dates(String shortPattern, String longPattern, String monthDayPattern, String yearMonthPattern) {
            shortDate = shortPattern;
            longDate = longPattern;
            monthDay = monthDayPattern;
            yearMonth = yearMonthPattern;
            return this;
        }

        Builder dateSeparator(String separator) {
            dateSeparator = separator;
            return this;
        }

        Builder times(String shortPattern, String longPattern, String amDesignator, String pmDesignator) {
            shortTime = shortPattern;
            longTime = longPattern;
            am = amDesignator;
            pm = pmDesignator;
            return this;
        }

        Builder months(String full, String abbreviated) {
            months = full.split("\\|");
            abbreviatedMonths = abbreviated.split("\\|");
            return this;
        }

        Builder genitiveMonths(String full, String abbreviated) {
            genitiveMonths = full.split("\\|");
            abbreviatedGenitiveMonths = abbreviated.split("\\|");
            return this;
        }

        Builder monthArrays(String[] full, String[] abbreviated) {
            months = full;
            abbreviatedMonths = abbreviated;
            return this;
        }

        Builder days(String full, String abbreviated) {
            return dayArrays(full.split("\\|"), abbreviated.split("\\|"));
        }

        Builder dayArrays(String[] full, String[] abbreviated) {
            days = full;
            abbreviatedDays = abbreviated;
            return this;
        }

        Builder umAlQura() {
            umAlQura = true;
            return this;
        }

        Culture build() {
            return new Culture(this);
        }
    }
}
