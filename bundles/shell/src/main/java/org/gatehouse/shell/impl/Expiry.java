package org.gatehouse.shell.impl;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads an expiry given on the command line: an ISO instant, or a duration from now (ISO or 90m / 8h / 30d). */
final class Expiry {

    private Expiry() {
    }

    static Instant parse(String text, Instant now) {
        String value = text.trim();
        try {
            if (value.toUpperCase(Locale.ROOT).startsWith("P")) {
                return now.plus(Duration.parse(value));
            }
            if (value.matches("\\d+[smhd]")) {
                long amount = Long.parseLong(value.substring(0, value.length() - 1));
                return now.plus(switch (value.charAt(value.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                });
            }
            return Instant.parse(value);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("--expires '" + text + "' is neither a time like 2026-12-01T12:00:00Z "
                    + "nor a duration like PT1H, 90m, 8h or 30d");
        }
    }
}
