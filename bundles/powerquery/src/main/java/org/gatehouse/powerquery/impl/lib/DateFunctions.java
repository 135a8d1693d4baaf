package org.gatehouse.powerquery.impl.lib;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.Locale;

import org.gatehouse.powerquery.impl.value.*;

/** Date.*, DateTime.*, Time.*, Duration.*: the common constructors, parts and arithmetic. */
final class DateFunctions {

    private DateFunctions() {
    }

    interface DateOp {
        Object apply(Object v, Object[] a);
    }

    private static void dated(Library lib, String name, int min, int max, DateOp op) {
        lib.fn(name, min, max, a -> Args.v(a, 0) == null ? null : op.apply(Args.v(a, 0), a));
    }

    static LocalDate date(Object v) {
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v instanceof LocalDateTime d) {
            return d.toLocalDate();
        }
        if (v instanceof OffsetDateTime d) {
            return d.toLocalDate();
        }
        throw Errors.cannotConvert(v, "Date");
    }

    static void register(Library lib) {
        converted(lib, "Date.From", "date");
        converted(lib, "DateTime.From", "datetime");
        converted(lib, "DateTimeZone.From", "datetimezone");
        converted(lib, "Time.From", "time");
        lib.fn("Duration.From", 1, 1, a -> Convert.to(Args.v(a, 0), MType.primitive("duration")));
        fromText(lib, "Date.FromText", "date");
        fromText(lib, "DateTime.FromText", "datetime");
        fromText(lib, "DateTimeZone.FromText", "datetimezone");
        fromText(lib, "Time.FromText", "time");
        dated(lib, "Duration.FromText", 1, 2, (v, a) -> Convert.toDuration(Values.text(v)));
        dated(lib, "Date.Year", 1, 1, (v, a) -> (double) date(v).getYear());
        dated(lib, "Date.Month", 1, 1, (v, a) -> (double) date(v).getMonthValue());
        dated(lib, "Date.Day", 1, 1, (v, a) -> (double) date(v).getDayOfMonth());
        dated(lib, "Date.DayOfYear", 1, 1, (v, a) -> (double) date(v).getDayOfYear());
        dated(lib, "Date.QuarterOfYear", 1, 1, (v, a) -> (double) ((date(v).getMonthValue() + 2) / 3));
        dated(lib, "Date.DaysInMonth", 1, 1, (v, a) -> (double) date(v).lengthOfMonth());
        dated(lib, "Date.IsLeapYear", 1, 1, (v, a) -> date(v).isLeapYear());
        dated(lib, "Date.DayOfWeek", 1, 2, (v, a) -> {
            int first = Args.v(a, 1) == null ? 0 : Args.integer(a, 1); // Day.Sunday = 0
            int dow = date(v).getDayOfWeek().getValue() % 7;
            return (double) ((dow - first + 7) % 7);
        });
        dated(lib, "Date.DayOfWeekName", 1, 2, (v, a) -> Culture.ofArgument(Args.v(a, 1)).days[date(v).getDayOfWeek().getValue() % 7]);
        dated(lib, "Date.MonthName", 1, 2, (v, a) -> {
            Culture c = Culture.ofArgument(Args.v(a, 1));
            return c.months[c.calendarFields(date(v))[1] - 1];
        });
        dated(lib, "Date.StartOfMonth", 1, 1, (v, a) -> keepKind(v, date(v).withDayOfMonth(1)));
        dated(lib, "Date.EndOfMonth", 1, 1, (v, a) -> endKind(v, date(v).withDayOfMonth(date(v).lengthOfMonth())));
        dated(lib, "Date.StartOfYear", 1, 1, (v, a) -> keepKind(v, date(v).withDayOfYear(1)));
        dated(lib, "Date.EndOfYear", 1, 1, (v, a) -> endKind(v, date(v).withDayOfYear(date(v).lengthOfYear())));
        dated(lib, "Date.StartOfWeek", 1, 2, (v, a) -> keepKind(v, date(v).minusDays(daysIntoWeek(v, a))));
        dated(lib, "Date.EndOfWeek", 1, 2, (v, a) -> endKind(v, date(v).plusDays(6 - daysIntoWeek(v, a))));
        dated(lib, "Date.AddDays", 2, 2, (v, a) -> plus(v, Args.integer(a, 1), ChronoUnit.DAYS));
        dated(lib, "Date.AddWeeks", 2, 2, (v, a) -> plus(v, Args.integer(a, 1), ChronoUnit.WEEKS));
        dated(lib, "Date.AddMonths", 2, 2, (v, a) -> plus(v, Args.integer(a, 1), ChronoUnit.MONTHS));
        dated(lib, "Date.AddYears", 2, 2, (v, a) -> plus(v, Args.integer(a, 1), ChronoUnit.YEARS));
        dated(lib, "Date.ToText", 1, 3, (v, a) -> toText(v, formatArgument(a), cultureArgument(a)));
        dated(lib, "DateTime.ToText", 1, 3, (v, a) -> toText(v, formatArgument(a), cultureArgument(a)));
        dated(lib, "DateTimeZone.ToText", 1, 3, (v, a) -> toText(v, formatArgument(a), cultureArgument(a)));
        dated(lib, "Time.ToText", 1, 3, (v, a) -> toText(v, formatArgument(a) == null ? "t" : formatArgument(a), cultureArgument(a)));
        dated(lib, "DateTime.Date", 1, 1, (v, a) -> date(v));
        dated(lib, "DateTime.Time", 1, 1, (v, a) -> Convert.toTime(v));
        dated(lib, "Time.Hour", 1, 1, (v, a) -> (double) Convert.toTime(v).getHour());
        dated(lib, "Time.Minute", 1, 1, (v, a) -> (double) Convert.toTime(v).getMinute());
        dated(lib, "Time.Second", 1, 1, (v, a) -> Convert.toTime(v).toSecondOfDay() % 60 + Convert.toTime(v).getNano() / 1e9);
        dated(lib, "Duration.Days", 1, 1, (v, a) -> (double) ((Duration) v).toDays());
        dated(lib, "Duration.Hours", 1, 1, (v, a) -> (double) ((Duration) v).toHoursPart());
        dated(lib, "Duration.Minutes", 1, 1, (v, a) -> (double) ((Duration) v).toMinutesPart());
        dated(lib, "Duration.Seconds", 1, 1, (v, a) -> ((Duration) v).toSecondsPart() + ((Duration) v).toNanosPart() / 1e9);
        // as .NET's TimeSpan: 100 ns ticks times the reciprocal of the unit, which rounds unlike a division
        dated(lib, "Duration.TotalDays", 1, 1, (v, a) -> ticks(v) * (1.0 / 864e9));
        dated(lib, "Duration.TotalHours", 1, 1, (v, a) -> ticks(v) * (1.0 / 36e9));
        dated(lib, "Duration.TotalMinutes", 1, 1, (v, a) -> ticks(v) * (1.0 / 6e8));
        dated(lib, "Duration.TotalSeconds", 1, 1, (v, a) -> ticks(v) * (1.0 / 1e7));
        lib.fn("DateTime.LocalNow", 0, 0, a -> LocalDateTime.now());
        lib.fn("DateTime.FixedLocalNow", 0, 0, a -> LocalDateTime.now());
        lib.fn("DateTimeZone.LocalNow", 0, 0, a -> OffsetDateTime.now());
        lib.fn("DateTimeZone.UtcNow", 0, 0, a -> OffsetDateTime.now(java.time.ZoneOffset.UTC));
        lib.fn("Date.IsInPreviousNDays", 2, 2, a -> {
            LocalDate d = date(Args.v(a, 0)), today = LocalDate.now();
            return d.isBefore(today) && !d.isBefore(today.minusDays(Args.integer(a, 1)));
        });
        for (DayOfWeek d : DayOfWeek.values()) {
            String name = d.getDisplayName(java.time.format.TextStyle.FULL, Locale.US);
            lib.value("Day." + name, (double) (d.getValue() % 7));
        }
    }

    /** The start of day d in the kind of the original value (a datetimezone keeps its offset). */
    static Object keepKind(Object original, LocalDate d) {
        if (original instanceof LocalDateTime) {
            return d.atStartOfDay();
        }
        if (original instanceof OffsetDateTime o) {
            return d.atStartOfDay().atOffset(o.getOffset());
        }
        return d;
    }

    /** The last tick (100 ns) of day d in the kind of the original value, as the EndOf functions give it. */
    static Object endKind(Object original, LocalDate d) {
        LocalDateTime last = d.atTime(23, 59, 59, 999_999_900);
        if (original instanceof LocalDateTime) {
            return last;
        }
        if (original instanceof OffsetDateTime o) {
            return last.atOffset(o.getOffset());
        }
        return d;
    }

    private static Object plus(Object v, long n, ChronoUnit unit) {
        if (v instanceof Temporal t && !(v instanceof LocalTime)) {
            return t.plus(n, unit);
        }
        throw Errors.cannotConvert(v, "Date");
    }

    /** Date.From(value, culture) and its siblings: texts read the culture's way. */
    private static void converted(Library lib, String name, String kind) {
        MType type = MType.primitive(kind);
        lib.fn(name, 1, 2, a -> CultureConvert.ofArgument(Args.v(a, 1)).to(Args.v(a, 0), type));
    }

    /**
     * Date.FromText(text, [Format, Culture]) and its siblings; the options may also be just the culture's name. With a
     * Format the text must fit it; without, it is read as the culture writes dates.
     */
    private static void fromText(Library lib, String name, String kind) {
        MType type = MType.primitive(kind);
        dated(lib, name, 1, 2, (v, a) -> {
            String text = Values.text(v), format = formatOption(Args.v(a, 1));
            Culture culture = Culture.ofArgument(Args.v(a, 1));
            if (format == null) {
                return CultureConvert.of(culture).to(text, type);
            }
            ParsedDateTime parsed;
            try {
                parsed = DotNetDateFormat.of(culture).parse(text, format);
            } catch (RuntimeException e) {
                throw Errors.dataFormat("We couldn't parse the input provided as a " + typeName(kind) + " value.");
            }
            return switch (kind) {
                case "date" -> parsed.toDate();
                case "datetime" -> parsed.toDateTime();
                case "datetimezone" -> parsed.toDateTimeZone();
                default -> parsed.toTime();
            };
        });
    }

    private static String typeName(String kind) {
        return switch (kind) {
            case "datetime" -> "DateTime";
            case "datetimezone" -> "DateTimeZone";
            default -> Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
        };
    }

    /** The Format of a FromText's options record; null when the options are a culture name or have none. */
    private static String formatOption(Object options) {
        if (options instanceof MRecord r) {
            Object f = Values.strip(Args.option(r, "Format"));
            return f == null ? null : Values.text(f);
        }
        return null;
    }

    /** ToText's format: the Format of an options record or the text itself. */
    private static String formatArgument(Object[] a) {
        Object f = Args.v(a, 1);
        return f instanceof MRecord ? formatOption(f) : f == null ? null : Values.text(f);
    }

    /** ToText's culture: the Culture of an options record, else the third argument. */
    private static String cultureArgument(Object[] a) {
        return Args.v(a, 1) instanceof MRecord r ? Culture.nameOf(r) : Args.textOrNull(a, 2);
    }

    /** Days since the start of the week of v; the week starts on Day.Sunday (0) unless argument 1 names another day. */
    private static double ticks(Object duration) {
        return (double) (((Duration) duration).toNanos() / 100);
    }

    static int daysIntoWeek(Object v, Object[] a) {
        int first = Args.v(a, 1) == null ? 0 : Args.integer(a, 1);
        return (date(v).getDayOfWeek().getValue() % 7 - first + 7) % 7;
    }

    /** Without format or culture the engine's usual text; else .NET format strings for the culture (en-US default). */
    static String toText(Object v, String format, String culture) {
        if (format == null && culture == null) {
            return Values.toText(v);
        }
        DotNetDateFormat f = DotNetDateFormat.of(culture);
        return format == null ? f.defaultText(v) : f.format(v, format);
    }
}
