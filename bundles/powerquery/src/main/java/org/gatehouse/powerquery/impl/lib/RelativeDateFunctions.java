package org.gatehouse.powerquery.impl.lib;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import org.gatehouse.powerquery.impl.value.*;

/**
 * Date.IsInPrevious/Current/Next... and DateTime.IsIn... for hours, minutes, seconds: whether a value falls in a
 * period counted from the period that holds the current system time.
 */
final class RelativeDateFunctions {

    private RelativeDateFunctions() {
    }

    private enum Period {
        Day, Week, Month, Quarter, Year, Hour, Minute, Second
    }

    static void register(Library lib) {
        for (Period p : Period.values()) {
            String owner = p.ordinal() >= Period.Hour.ordinal() ? "DateTime" : "Date";
            String name = p.name();
            lib.fn(owner + ".IsInPrevious" + name, 1, 1, a -> test(a, p, -1, 0));
            lib.fn(owner + ".IsInCurrent" + name, 1, 1, a -> test(a, p, 0, 1));
            lib.fn(owner + ".IsInNext" + name, 1, 1, a -> test(a, p, 1, 2));
            if (p != Period.Day || owner.equals("Date")) {
                String plural = name + "s";
                lib.fn(owner + ".IsInPreviousN" + plural, 2, 2, a -> test(a, p, -Args.integer(a, 1), 0));
                lib.fn(owner + ".IsInNextN" + plural, 2, 2, a -> test(a, p, 1, 1 + Args.integer(a, 1)));
            }
        }
        lib.fn("Date.IsInYearToDate", 1, 1, a -> {
            if (Args.v(a, 0) == null) {
                return null;
            }
            LocalDateTime v = moment(Args.v(a, 0)), now = LocalDateTime.now();
            return !v.isBefore(start(now, Period.Year)) && !v.isAfter(now);
        });
    }

    /** Whether the value lies in [start + from periods, start + to periods) around the current period's start. */
    private static Object test(Object[] a, Period p, int from, int to) {
        Object v = Args.v(a, 0);
        if (v == null) {
            return null;
        }
        LocalDateTime start = start(LocalDateTime.now(), p);
        LocalDateTime t = moment(v);
        return !t.isBefore(plus(start, p, from)) && t.isBefore(plus(start, p, to));
    }

    private static LocalDateTime moment(Object v) {
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (v instanceof LocalDateTime d) {
            return d;
        }
        if (v instanceof OffsetDateTime d) {
            return d.atZoneSameInstant(java.time.ZoneId.systemDefault()).toLocalDateTime();
        }
        throw Errors.cannotConvert(v, "DateTime");
    }

    private static LocalDateTime start(LocalDateTime now, Period p) {
        LocalDate d = now.toLocalDate();
        return switch (p) {
            case Second -> now.truncatedTo(ChronoUnit.SECONDS);
            case Minute -> now.truncatedTo(ChronoUnit.MINUTES);
            case Hour -> now.truncatedTo(ChronoUnit.HOURS);
            case Day -> d.atStartOfDay();
            case Week -> d.minusDays(d.getDayOfWeek().getValue() % 7).atStartOfDay(); // weeks start on Sunday
            case Month -> d.withDayOfMonth(1).atStartOfDay();
            case Quarter -> LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1).atStartOfDay();
            case Year -> d.withDayOfYear(1).atStartOfDay();
        };
    }

    private static LocalDateTime plus(LocalDateTime t, Period p, long n) {
        return switch (p) {
            case Second -> t.plusSeconds(n);
            case Minute -> t.plusMinutes(n);
            case Hour -> t.plusHours(n);
            case Day -> t.plusDays(n);
            case Week -> t.plusWeeks(n);
            case Month -> t.plusMonths(n);
            case Quarter -> t.plusMonths(3 * n);
            case Year -> t.plusYears(n);
        };
    }
}
