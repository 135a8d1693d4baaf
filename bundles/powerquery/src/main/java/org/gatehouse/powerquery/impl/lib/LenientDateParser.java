package org.gatehouse.powerquery.impl.lib;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads dates and times written in a culture's way without a format, as .NET's DateTime.Parse does for Date.FromText,
 * Value.FromText or TransformColumnTypes with a culture: numbers, month names (full, abbreviated, genitive, with or
 * without the period), weekday names (ignored), the words of the culture's long patterns ("de", "г."), a time with
 * ':' and an AM/PM designator, an offset after the time. Numbers alone are ordered as in the culture's short date.
 * One per culture ({@link #of}): the word lists are made once.
 */
final class LenientDateParser {

    private static final java.util.Map<Culture, LenientDateParser> PARSERS = new java.util.concurrent.ConcurrentHashMap<>();

    private final Culture culture;
    private final List<TextCursor.Name> months;
    private final List<TextCursor.Name> days;
    private final List<TextCursor.Name> designators;
    private final List<TextCursor.Name> fillers;
    /** 'y', 'M' and 'd' in the order of the culture's short date pattern. */
    private final String order;

    static LenientDateParser of(Culture culture) {
        return PARSERS.computeIfAbsent(culture, LenientDateParser::new);
    }

    private LenientDateParser(Culture culture) {
        this.culture = culture;
        DotNetDateFormat format = DotNetDateFormat.of(culture);
        this.months = format.monthNames();
        this.days = format.dayNames();
        this.designators = TextCursor.longestFirst(List.of(new TextCursor.Name(culture.am, 0),
                new TextCursor.Name(culture.pm, 1), new TextCursor.Name("AM", 0), new TextCursor.Name("PM", 1)));
        this.fillers = TextCursor.longestFirst(fillerWords(culture));
        this.order = fieldOrder(culture.shortDate);
    }

    /** The words quoted in the culture's patterns ("de", "г.", "年"), and the T of ISO 8601. */
    private static List<TextCursor.Name> fillerWords(Culture c) {
        List<TextCursor.Name> words = new ArrayList<>();
        words.add(new TextCursor.Name("T", 0));
        for (String pattern : new String[] {c.longDate, c.shortDate, c.monthDay, c.yearMonth}) {
            int i = pattern.indexOf('\'');
            while (i >= 0) {
                int end = pattern.indexOf('\'', i + 1);
                if (end < 0) {
                    break;
                }
                for (String w : pattern.substring(i + 1, end).split("[\\s,]+")) {
                    if (!w.isEmpty() && Character.isLetter(w.charAt(0))) {
                        words.add(new TextCursor.Name(w, 0));
                    }
                }
                i = pattern.indexOf('\'', end + 1);
            }
        }
        return words;
    }

    private static String fieldOrder(String pattern) {
        StringBuilder order = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if ((c == 'y' || c == 'M' || c == 'd') && order.indexOf(String.valueOf(c)) < 0) {
                order.append(c);
            }
        }
        return order.length() == 3 ? order.toString() : "Mdy";
    }

    ParsedDateTime parse(String text) {
        TextCursor in = new TextCursor(text.strip());
        List<int[]> numbers = new ArrayList<>(); // value, digit count
        int month = -1, ampm = -1;
        boolean monthFirst = false; // the month name came before every number ("Apr-18", not "18-Apr")
        LocalTime time = null;
        ZoneOffset offset = null;
        while (true) {
            in.skipSpaces();
            if (in.atEnd()) {
                break;
            }
            char c = in.peek();
            if (Character.isDigit(c)) {
                int start = in.position();
                int value = in.digits(1, 9);
                int length = in.position() - start;
                if (in.peek() == ':' && time == null) {
                    time = timeAfterHour(in, value);
                } else {
                    numbers.add(new int[] {value, length});
                }
            } else if ((c == '+' || c == '-' || c == '\u2212') && time != null && offset == null) {
                offset = in.offset(false);
            } else if ((c == 'Z' || c == 'z') && time != null && offset == null) {
                offset = in.offset(false);
            } else if (Character.isLetter(c)) {
                TextCursor.Name monthName = in.tryWord(months);
                if (monthName != null) {
                    if (month >= 0) {
                        throw TextCursor.mismatch();
                    }
                    month = monthName.value();
                    monthFirst = numbers.isEmpty();
                    continue;
                }
                TextCursor.Name designator = in.tryWord(designators);
                if (designator != null) {
                    ampm = designator.value();
                } else if (in.tryWord(days) == null && in.tryWord(fillers) == null) {
                    throw TextCursor.mismatch();
                }
            } else if (",./-'\u060C".indexOf(c) >= 0 || Character.getType(c) == Character.OTHER_PUNCTUATION
                    || Character.getType(c) == Character.DASH_PUNCTUATION || Character.getType(c) == Character.FORMAT) {
                in.advance(); // separators between the parts, and the direction marks of right-to-left cultures
            } else {
                throw TextCursor.mismatch();
            }
        }
        if (time != null && ampm >= 0) {
            time = time.withHour(time.getHour() % 12 + (ampm == 1 ? 12 : 0));
        }
        LocalDate date = date(numbers, month, monthFirst);
        if (date == null && time == null) {
            throw TextCursor.mismatch();
        }
        return new ParsedDateTime(date, time, offset);
    }

    private static LocalTime timeAfterHour(TextCursor in, int hour) {
        in.advance();
        int minute = in.digits(1, 2), second = 0, nanos = 0;
        if (in.peek() == ':') {
            in.advance();
            second = in.digits(1, 2);
            int mark = in.position();
            if (in.peek() == '.' || in.peek() == ',') {
                in.advance();
                if (Character.isDigit(in.peek())) {
                    nanos = in.fraction(1, 9);
                } else {
                    in.reset(mark);
                }
            }
        }
        try {
            return LocalTime.of(hour, minute, second, nanos);
        } catch (java.time.DateTimeException e) {
            throw TextCursor.mismatch();
        }
    }

    /** The date the numbers and month name say, null when they say none. */
    private LocalDate date(List<int[]> numbers, int monthName, boolean monthFirst) {
        int year, month, day;
        if (monthName >= 0) {
            month = monthName;
            if (numbers.size() == 2) {
                int[] first = numbers.get(0), second = numbers.get(1);
                boolean firstIsYear = isYear(first) || !isYear(second) && order.indexOf('y') < order.indexOf('d');
                year = year(firstIsYear ? first : second);
                day = (firstIsYear ? second : first)[0];
            } else if (numbers.size() == 1 && isYear(numbers.get(0))) {
                year = year(numbers.get(0));
                day = 1;
            } else if (numbers.size() == 1 && numberAfterMonthIsYear(monthFirst)) {
                year = year(numbers.get(0));
                day = 1;
            } else if (numbers.size() == 1) {
                year = LocalDate.now().getYear();
                day = numbers.get(0)[0];
            } else {
                throw TextCursor.mismatch();
            }
        } else if (numbers.isEmpty()) {
            return null;
        } else if (numbers.size() == 1 && numbers.get(0)[1] == 8) {
            int v = numbers.get(0)[0]; // yyyyMMdd
            year = v / 10000;
            month = v / 100 % 100;
            day = v % 100;
        } else if (numbers.size() == 3) {
            String fields = isYear(numbers.get(0)) ? "yMd" : yearLastOrder(numbers.get(2));
            year = year(numbers.get(fields.indexOf('y')));
            month = numbers.get(fields.indexOf('M'))[0];
            day = numbers.get(fields.indexOf('d'))[0];
        } else if (numbers.size() == 2) {
            String fields = order.replace("y", "");
            year = LocalDate.now().getYear();
            month = numbers.get(fields.indexOf('M'))[0];
            day = numbers.get(fields.indexOf('d'))[0];
        } else {
            throw TextCursor.mismatch();
        }
        try {
            return culture.calendarDate(year, month, day);
        } catch (java.time.DateTimeException e) {
            throw TextCursor.mismatch();
        }
    }

    /**
     * Whether the one number beside a month name ("Apr-18", "18 Apr") is a year, as .NET's parser decides it: from the
     * order of month and day in the culture's month-day pattern and of year and month in its year-month pattern. In
     * en-US ("MMMM d", "MMMM yyyy") it is the day of this year; in en-GB or en-IN ("d MMMM", "MMMM yyyy") a month name
     * before it makes it a year, so "Apr-18" is April 2018 there.
     */
    private boolean numberAfterMonthIsYear(boolean monthFirst) {
        boolean dayBeforeMonth = culture.monthDay.indexOf('d') < culture.monthDay.indexOf('M');
        boolean yearBeforeMonth = culture.yearMonth.indexOf('y') < culture.yearMonth.indexOf('M');
        return monthFirst ? dayBeforeMonth && !yearBeforeMonth : !dayBeforeMonth && yearBeforeMonth;
    }

    /**
     * The field order of three numbers that do not start with a year. When the last has three or more digits it is
     * the year even in a year-first culture, and month and day keep the culture's order: .NET reads "9/5/2019" as
     * September 5 in en-CA (short date yyyy-MM-dd), as an en-CA workbook's orders.csv of m/d/yyyy dates shows
     * ("Power Pivot - Data Modeling and Analysis.xlsx").
     */
    private String yearLastOrder(int[] last) {
        return last[1] >= 3 && order.charAt(0) == 'y' ? order.substring(1) + "y" : order;
    }

    private static boolean isYear(int[] number) {
        return number[1] >= 3 || number[0] > 31;
    }

    private int year(int[] number) {
        return number[1] <= 2 ? culture.fullYear(number[0]) : number[0];
    }
}
