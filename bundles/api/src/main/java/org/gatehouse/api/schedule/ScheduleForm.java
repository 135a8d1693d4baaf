package org.gatehouse.api.schedule;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A schedule in the shell's form, parsed: {@code --days mon-fri --times 08:00,12:30 --zone Europe/Paris} or
 * {@code --cron "0 0/15 * * * ?" --zone UTC}, each optionally with {@code --misfire skip|run-once}. Bad input is
 * refused with an IllegalArgumentException whose message is one line. A cron expression is only checked for its
 * number of fields here; the gateway checks the rest when the schedule is set.
 *
 * @param timing  when the dataset refreshes
 * @param misfire what happens to a missed slot ({@link MisfirePolicy#SKIP} unless given)
 */
public record ScheduleForm(Timing timing, MisfirePolicy misfire) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    public ScheduleForm {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(misfire, "misfire");
    }

    /** Parses the options as the shell hands them over: each may be null (not given). */
    public static ScheduleForm of(String days, String times, String cron, String zone, String misfire) {
        if (zone == null || zone.isBlank()) {
            throw new IllegalArgumentException("--zone is required (an IANA time zone such as Europe/Paris or UTC)");
        }
        ZoneId zoneId = zone(zone);
        MisfirePolicy policy = misfire == null ? MisfirePolicy.SKIP : MisfirePolicy.fromOption(misfire);
        if (cron != null) {
            if (days != null || times != null) {
                throw new IllegalArgumentException("give either --cron or --days with --times, not both");
            }
            return new ScheduleForm(new Timing.Cron(cronFields(cron), zoneId), policy);
        }
        if (times == null) {
            throw new IllegalArgumentException("give --times (e.g. 08:00,12:30) with --days, or --cron");
        }
        return new ScheduleForm(Timing.Weekly.of(days == null ? EnumSet.allOf(DayOfWeek.class) : days(days),
                times(times), zoneId), policy);
    }

    /** Parses a whole shell form, e.g. {@code --cron "0 0/15 * * * ?" --zone UTC}; double quotes group words. */
    public static ScheduleForm parse(String line) {
        return parse(words(line));
    }

    /** Parses a shell form already split into words (as a shell hands over its arguments). */
    public static ScheduleForm parse(List<String> words) {
        String days = null;
        String times = null;
        String cron = null;
        String zone = null;
        String misfire = null;
        for (int i = 0; i < words.size(); i += 2) {
            String option = words.get(i);
            if (i + 1 >= words.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = words.get(i + 1);
            switch (option) {
                case "--days" -> days = value;
                case "--times" -> times = value;
                case "--cron" -> cron = value;
                case "--zone" -> zone = value;
                case "--misfire" -> misfire = value;
                default -> throw new IllegalArgumentException("unknown option " + option
                        + ": use --days, --times, --cron, --zone, --misfire");
            }
        }
        return of(days, times, cron, zone, misfire);
    }

    /** {@code mon-fri}, {@code mon,wed,fri}, {@code sat-sun}, {@code fri-mon} (wrapping), or {@code daily}. */
    public static Set<DayOfWeek> days(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.split(",")) {
            String item = part.trim().toLowerCase(Locale.ROOT);
            if (item.equals("daily") || item.equals("all")) {
                days.addAll(EnumSet.allOf(DayOfWeek.class));
                continue;
            }
            int dash = item.indexOf('-');
            if (dash < 0) {
                days.add(day(item));
                continue;
            }
            DayOfWeek from = day(item.substring(0, dash));
            DayOfWeek to = day(item.substring(dash + 1));
            for (DayOfWeek day = from; ; day = day.plus(1)) {
                days.add(day);
                if (day == to) {
                    break;
                }
            }
        }
        return days;
    }

    private static DayOfWeek day(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT);
        if (name.length() >= 3) {
            for (DayOfWeek day : DayOfWeek.values()) {
                if (day.name().startsWith(name)) {
                    return day;
                }
            }
        }
        throw new IllegalArgumentException("unknown day '" + text.trim() + "': use mon, tue, wed, thu, fri, sat, sun,"
                + " ranges such as mon-fri, or daily");
    }

    /** {@code 08:00,12:30,23:59}: 24-hour times to the minute. */
    public static Set<LocalTime> times(String text) {
        Set<LocalTime> times = new TreeSet<>();
        for (String part : text.split(",")) {
            String item = part.trim();
            try {
                times.add(LocalTime.parse(item, TIME));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("bad time of day '" + item + "': use HH:MM, 24-hour, e.g. 08:00");
            }
        }
        return times;
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + text.trim() + "': use an IANA zone such as "
                    + "Europe/Paris, America/New_York or UTC");
        }
    }

    private static String cronFields(String cron) {
        String[] fields = cron.trim().split("\\s+");
        if (fields.length < 6 || fields.length > 7) {
            throw new IllegalArgumentException("a cron expression has 6 or 7 fields (seconds minutes hours "
                    + "day-of-month month day-of-week [year]), '" + cron.trim() + "' has " + fields.length);
        }
        return String.join(" ", fields);
    }

    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                if (word == null) {
                    word = new StringBuilder();
                }
            } else if (Character.isWhitespace(c) && !quoted) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                if (word == null) {
                    word = new StringBuilder();
                }
                word.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a double quote is not closed");
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
