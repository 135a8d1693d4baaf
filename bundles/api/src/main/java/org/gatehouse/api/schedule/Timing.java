package org.gatehouse.api.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** When a dataset refreshes: on days of the week at times of day, or by a Quartz cron expression; in a time zone. */
public sealed interface Timing permits Timing.Weekly, Timing.Cron {

    ZoneId zone();

    /**
     * The Quartz cron expressions (seconds first) that together fire at exactly these slots, in {@link #zone()}.
     * A weekly timing becomes one expression per distinct minute of its times, listing the hours at that minute.
     */
    List<String> cronExpressions();

    /** The shell form that sets this timing again, e.g. {@code --days mon-fri --times 08:00,12:30 --zone UTC}. */
    String describe();

    /**
     * Days of the week and times of day (to the minute), the reference gateway's model. No cap on the number of
     * times a day.
     */
    record Weekly(Set<DayOfWeek> days, SortedSet<LocalTime> times, ZoneId zone) implements Timing {

        public Weekly {
            Objects.requireNonNull(zone, "zone");
            if (days.isEmpty()) {
                throw new IllegalArgumentException("a weekly schedule needs at least one day");
            }
            if (times.isEmpty()) {
                throw new IllegalArgumentException("a weekly schedule needs at least one time of day");
            }
            days = java.util.Collections.unmodifiableSet(EnumSet.copyOf(days));
            TreeSet<LocalTime> minutes = new TreeSet<>();
            for (LocalTime time : times) {
                if (time.getSecond() != 0 || time.getNano() != 0) {
                    throw new IllegalArgumentException("times of day are to the minute: " + time);
                }
                minutes.add(time);
            }
            times = java.util.Collections.unmodifiableSortedSet(minutes);
        }

        public static Weekly of(Collection<DayOfWeek> days, Collection<LocalTime> times, ZoneId zone) {
            return new Weekly(days.isEmpty() ? Set.of() : EnumSet.copyOf(days), new TreeSet<>(times), zone);
        }

        @Override
        public List<String> cronExpressions() {
            String dayField = days.size() == 7 ? "*" : days.stream().sorted()
                    .map(day -> day.name().substring(0, 3)).collect(Collectors.joining(","));
            Map<Integer, SortedSet<Integer>> hoursByMinute = new TreeMap<>();
            for (LocalTime time : times) {
                hoursByMinute.computeIfAbsent(time.getMinute(), minute -> new TreeSet<>()).add(time.getHour());
            }
            List<String> expressions = new ArrayList<>();
            hoursByMinute.forEach((minute, hours) -> expressions.add("0 " + minute + " "
                    + hours.stream().map(String::valueOf).collect(Collectors.joining(",")) + " ? * " + dayField));
            return List.copyOf(expressions);
        }

        @Override
        public String describe() {
            return "--days " + days.stream().sorted().map(day -> day.name().substring(0, 3).toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(",")) + " --times " + times.stream().map(LocalTime::toString)
                    .collect(Collectors.joining(",")) + " --zone " + zone.getId();
        }
    }

    /** A Quartz cron expression (seconds, minutes, hours, day of month, month, day of week[, year]). */
    record Cron(String expression, ZoneId zone) implements Timing {

        public Cron {
            Objects.requireNonNull(zone, "zone");
            expression = Objects.requireNonNull(expression, "expression").trim().replaceAll("\\s+", " ");
            if (expression.isEmpty()) {
                throw new IllegalArgumentException("the cron expression is empty");
            }
        }

        @Override
        public List<String> cronExpressions() {
            return List.of(expression);
        }

        @Override
        public String describe() {
            return "--cron \"" + expression + "\" --zone " + zone.getId();
        }
    }
}
