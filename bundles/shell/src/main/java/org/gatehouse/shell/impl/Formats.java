package org.gatehouse.shell.impl;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** How the commands write numbers, sizes, times and durations: the same way in every table and line. */
final class Formats {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String[] BYTE_UNITS = {"B", "KB", "MB", "GB", "TB"};

    private Formats() {
    }

    /** 1234567 as 1,234,567: counts of rows are read at a glance. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Bytes in binary units with one decimal: 1536 as 1.5 KB. */
    static String bytes(long value) {
        double scaled = value;
        int unit = 0;
        while (scaled >= 1024 && unit < BYTE_UNITS.length - 1) {
            scaled /= 1024;
            unit++;
        }
        return unit == 0 ? value + " B" : String.format(Locale.ROOT, "%.1f %s", scaled, BYTE_UNITS[unit]);
    }

    /** 3.8 s under a minute; 2 min 05 s under an hour; 1 h 02 min beyond. */
    static String duration(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }

    /** Rows per second over a duration; 0 before any time has passed. */
    static String rate(long rows, Duration elapsed) {
        long millis = elapsed.toMillis();
        return count(millis <= 0 ? 0 : rows * 1000 / millis) + " rows/s";
    }

    /** A point in time in the gateway machine's zone, where the owner reads the logs too. */
    static String time(Instant instant, ZoneId zone) {
        return LOCAL_TIME.format(instant.atZone(zone));
    }

    static String time(Optional<Instant> instant, ZoneId zone, String absent) {
        return instant.map(i -> time(i, zone)).orElse(absent);
    }

    static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }
}
