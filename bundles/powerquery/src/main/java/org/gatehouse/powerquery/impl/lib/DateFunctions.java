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
        lib.fn("Date.From", 1, 2, a -> culturalText(a) != null ? culturalText(a).toLocalDate()
                : Convert.to(Args.v(a, 0), MType.primitive("date")));
        lib.fn("DateTime.From", 1, 2, a -> culturalText(a) != null ? culturalText(a).toLocalDateTime()
                : Convert.to(Args.v(a, 0), MType.primitive("datetime")));
        lib.fn("DateTimeZone.From", 1, 2, a -> Convert.to(Args.v(a, 0), MType.primitive("datetimezone")));
        lib.fn("Time.From", 1, 2, a -> Convert.to(Args.v(a, 0), MType.primitive("time")));
        lib.fn("Duration.From", 1, 1, a -> Convert.to(Args.v(a, 0), MType.primitive("duration")));
        dated(lib, "Date.FromText", 1, 2, (v, a) -> formatted(v, a) != null ? formatted(v, a).toLocalDate()
                : Convert.parseDateTime(Values.text(v)).toLocalDate());
        dated(lib, "DateTime.FromText", 1, 2, (v, a) -> formatted(v, a) != null ? formatted(v, a).toLocalDateTime()
                : Convert.parseDateTime(Values.text(v)));
        dated(lib, "DateTimeZone.FromText", 1, 2, (v, a) -> formatted(v, a) != null ? formatted(v, a)
                : Convert.toDateTimeZone(Values.text(v)));
        dated(lib, "Time.FromText", 1, 2, (v, a) -> Convert.toTime(Values.text(v)));
        dated(lib, "Duration.FromText", 1, 1, (v, a) -> Convert.toDuration(Values.text(v)));
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
        dated(lib, "Date.DayOfWeekName", 1, 2, (v, a) -> date(v).getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.US));
        dated(lib, "Date.MonthName", 1, 2, (v, a) -> date(v).getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.US));
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

    private static String formatArgument(Object[] a) {
        Object f = Args.v(a, 1);
        if (f instanceof MRecord r) {
            Object fmt = Args.option(r, "Format");
            return fmt == null ? null : Values.text(fmt);
        }
        return f == null ? null : Values.text(f);
    }

    /**
     * FromText with a Format and/or Culture option: the parsed value (UTC when the text has no offset), else null
     * so the caller falls back to the engine's usual readings. Text that doesn't fit is a DataFormat.Error.
     */
    private static OffsetDateTime formatted(Object v, Object[] a) {
        String format = formatArgument(a), culture = cultureArgument(a);
        if (format == null && (culture == null || Args.v(a, 1) instanceof String)) {
            return null;
        }
        try {
            DotNetDateFormat f = DotNetDateFormat.of(culture);
            boolean[] hadOffset = new boolean[1];
            return format != null ? f.parseLenient(Values.text(v), format, hadOffset)
                    : f.parseCultureDefault(Values.text(v), hadOffset);
        } catch (RuntimeException e) {
            if (format == null) {
                return null; // the culture's patterns don't fit: try the usual readings
            }
            throw Errors.dataFormat("We couldn't parse the input provided as a Date value.");
        }
    }

    /** Date.From(text, culture): the text read in the culture's patterns, or null to convert as usual. */
    private static OffsetDateTime culturalText(Object[] a) {
        if (!(Args.v(a, 0) instanceof String text) || !(Args.v(a, 1) instanceof String culture)) {
            return null;
        }
        try {
            return DotNetDateFormat.of(culture).parseCultureDefault(text, new boolean[1]);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String cultureArgument(Object[] a) {
        Object f = Args.v(a, 1);
        if (f instanceof MRecord r) {
            Object c = Args.option(r, "Culture");
            return c == null ? null : Values.text(c);
        }
        return Args.textOrNull(a, 2);
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
