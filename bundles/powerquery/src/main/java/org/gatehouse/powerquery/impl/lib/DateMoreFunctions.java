package org.gatehouse.powerquery.impl.lib;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;

import org.gatehouse.powerquery.impl.value.*;

/** Date/DateTime/DateTimeZone/Time/Duration functions beyond the core set: day/quarter bounds, weeks, zones, records. */
final class DateMoreFunctions {

    private DateMoreFunctions() {
    }

    private interface DateOp {
        Object apply(Object v, Object[] a);
    }

    private static void dated(Library lib, String name, int min, int max, DateOp op) {
        lib.fn(name, min, max, a -> Args.v(a, 0) == null ? null : op.apply(Args.v(a, 0), a));
    }

    /** 1 Jan 0001 in .NET ticks relative to the Windows file time epoch (1601-01-01). */
    private static final Instant FILE_TIME_EPOCH = Instant.parse("1601-01-01T00:00:00Z");

    static void register(Library lib) {
        dated(lib, "Date.StartOfDay", 1, 1, (v, a) -> DateFunctions.keepKind(v, DateFunctions.date(v)));
        dated(lib, "Date.EndOfDay", 1, 1, (v, a) -> DateFunctions.endKind(v, DateFunctions.date(v)));
        dated(lib, "Date.StartOfQuarter", 1, 1, (v, a) -> DateFunctions.keepKind(v, quarterStart(DateFunctions.date(v))));
        dated(lib, "Date.EndOfQuarter", 1, 1, (v, a) -> DateFunctions.endKind(v,
                quarterStart(DateFunctions.date(v)).plusMonths(3).minusDays(1)));
        dated(lib, "Date.AddQuarters", 2, 2, (v, a) -> ((java.time.temporal.Temporal) v)
                .plus(3L * Args.integer(a, 1), java.time.temporal.ChronoUnit.MONTHS));
        dated(lib, "Date.WeekOfYear", 1, 2, (v, a) -> {
            LocalDate d = DateFunctions.date(v);
            LocalDate jan1 = d.withDayOfYear(1);
            int offset = DateFunctions.daysIntoWeek(jan1, a);
            return (double) ((d.getDayOfYear() - 1 + offset) / 7 + 1);
        });
        dated(lib, "Date.WeekOfMonth", 1, 2, (v, a) -> {
            LocalDate d = DateFunctions.date(v);
            int offset = DateFunctions.daysIntoWeek(d.withDayOfMonth(1), a);
            return (double) ((d.getDayOfMonth() - 1 + offset) / 7 + 1);
        });
        dated(lib, "Date.IsoWeekOfYear", 1, 1, (v, a) -> (double) DateFunctions.date(v).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        dated(lib, "Date.ToRecord", 1, 1, (v, a) -> {
            LocalDate d = DateFunctions.date(v);
            return MRecord.of("Year", (double) d.getYear(), "Month", (double) d.getMonthValue(), "Day", (double) d.getDayOfMonth());
        });
        dated(lib, "Time.ToRecord", 1, 1, (v, a) -> timeRecord(Convert.toTime(v)));
        dated(lib, "DateTime.ToRecord", 1, 1, (v, a) -> merge(MRecord.of("Year", (double) ((LocalDateTime) v).getYear(),
                "Month", (double) ((LocalDateTime) v).getMonthValue(), "Day", (double) ((LocalDateTime) v).getDayOfMonth()),
                timeRecord(((LocalDateTime) v).toLocalTime())));
        dated(lib, "DateTimeZone.ToRecord", 1, 1, (v, a) -> {
            OffsetDateTime d = (OffsetDateTime) v;
            MRecord dt = merge(MRecord.of("Year", (double) d.getYear(), "Month", (double) d.getMonthValue(),
                    "Day", (double) d.getDayOfMonth()), timeRecord(d.toLocalTime()));
            int seconds = d.getOffset().getTotalSeconds();
            return merge(dt, MRecord.of("ZoneHours", (double) (seconds / 3600), "ZoneMinutes", (double) (seconds / 60 % 60)));
        });
        dated(lib, "Duration.ToRecord", 1, 1, (v, a) -> {
            Duration d = (Duration) v;
            return MRecord.of("Days", (double) d.toDays(), "Hours", (double) d.toHoursPart(), "Minutes",
                    (double) d.toMinutesPart(), "Seconds", d.toSecondsPart() + d.toNanosPart() / 1e9);
        });
        dated(lib, "Duration.ToText", 1, 2, (v, a) -> durationText((Duration) v));
        dated(lib, "Time.StartOfHour", 1, 1, (v, a) -> hourBound(v, false));
        dated(lib, "Time.EndOfHour", 1, 1, (v, a) -> hourBound(v, true));
        dated(lib, "DateTime.AddZone", 2, 3, (v, a) -> Convert.toDateTime(v).atOffset(
                ZoneOffset.ofHoursMinutes(Args.integer(a, 1), Args.integerOr(a, 2, 0))));
        dated(lib, "DateTimeZone.ZoneHours", 1, 1, (v, a) -> (double) (((OffsetDateTime) v).getOffset().getTotalSeconds() / 3600));
        dated(lib, "DateTimeZone.ZoneMinutes", 1, 1, (v, a) -> (double) (((OffsetDateTime) v).getOffset().getTotalSeconds() / 60 % 60));
        dated(lib, "DateTimeZone.RemoveZone", 1, 1, (v, a) -> ((OffsetDateTime) v).toLocalDateTime());
        dated(lib, "DateTimeZone.ToUtc", 1, 1, (v, a) -> zoned(v).withOffsetSameInstant(ZoneOffset.UTC));
        dated(lib, "DateTimeZone.ToLocal", 1, 1, (v, a) -> zoned(v).atZoneSameInstant(ZoneId.systemDefault()).toOffsetDateTime());
        dated(lib, "DateTimeZone.SwitchZone", 2, 3, (v, a) -> zoned(v).withOffsetSameInstant(
                ZoneOffset.ofHoursMinutes(Args.integer(a, 1), Args.integerOr(a, 2, 0))));
        // a file time counts from 1601 in UTC; both functions give it in the machine's time zone, as Power Query does
        dated(lib, "DateTime.FromFileTime", 1, 1,
                (v, a) -> LocalDateTime.ofInstant(fileTime(v), ZoneId.systemDefault()));
        dated(lib, "DateTimeZone.FromFileTime", 1, 1,
                (v, a) -> OffsetDateTime.ofInstant(fileTime(v), ZoneId.systemDefault()));
        lib.fn("DateTimeZone.FixedUtcNow", 0, 0, a -> OffsetDateTime.now(ZoneOffset.UTC));
        lib.fn("DateTimeZone.FixedLocalNow", 0, 0, a -> OffsetDateTime.now());
    }

    private static OffsetDateTime zoned(Object v) {
        if (v instanceof LocalDateTime d) {
            return d.atZone(ZoneId.systemDefault()).toOffsetDateTime(); // a datetime is taken as local time
        }
        return (OffsetDateTime) v;
    }

    private static Instant fileTime(Object v) {
        long ticks = (long) Values.number(v);
        return FILE_TIME_EPOCH.plusSeconds(ticks / 10_000_000).plusNanos(ticks % 10_000_000 * 100);
    }

    private static LocalDate quarterStart(LocalDate d) {
        return LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1);
    }

    private static Object hourBound(Object v, boolean end) {
        java.time.temporal.Temporal t = (java.time.temporal.Temporal) v;
        LocalTime time = v instanceof OffsetDateTime o ? o.toLocalTime() : Convert.toTime(v);
        LocalTime bound = end ? time.withMinute(59).withSecond(59).withNano(999_999_900) : time.withMinute(0).withSecond(0).withNano(0);
        return t.with(bound);
    }

    private static MRecord timeRecord(LocalTime t) {
        return MRecord.of("Hour", (double) t.getHour(), "Minute", (double) t.getMinute(),
                "Second", t.getSecond() + t.getNano() / 1e9);
    }

    private static MRecord merge(MRecord x, MRecord y) {
        java.util.List<String> names = new java.util.ArrayList<>(x.names());
        names.addAll(y.names());
        java.util.List<Object> slots = new java.util.ArrayList<>(x.slots());
        slots.addAll(y.slots());
        return new MRecord(names, slots);
    }

    /** .NET TimeSpan's constant format: [-][d.]hh:mm:ss[.fffffff]. */
    static String durationText(Duration d) {
        boolean negative = d.isNegative();
        Duration p = d.abs();
        StringBuilder sb = new StringBuilder(negative ? "-" : "");
        if (p.toDays() != 0) {
            sb.append(p.toDays()).append('.');
        }
        sb.append(String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", p.toHoursPart(), p.toMinutesPart(), p.toSecondsPart()));
        if (p.toNanosPart() != 0) {
            sb.append('.').append(String.format(java.util.Locale.ROOT, "%07d", p.toNanosPart() / 100));
        }
        return sb.toString();
    }
}
