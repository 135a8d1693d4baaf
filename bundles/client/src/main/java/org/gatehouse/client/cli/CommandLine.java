package org.gatehouse.client.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options after the command name: {@code --name value} or {@code --name=value}, each at most once, all taking a
 * value, plus {@code --help}. Option values are never echoed in errors, as one of them may hold a secret.
 */
final class CommandLine {

    private final Map<String, String> values;
    private final boolean help;

    private CommandLine(Map<String, String> values, boolean help) {
        this.values = values;
        this.help = help;
    }

    static CommandLine parse(String[] args, Set<String> allowed) throws UsageException {
        Map<String, String> values = new LinkedHashMap<>();
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("unexpected argument '" + arg + "': options start with --");
            }
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(2, eq) : arg.substring(2);
            if (name.equals("password")) {
                throw new UsageException("--password is not accepted: command lines are visible to every user of "
                        + "this machine; use --password-env VAR, or put the password in the relay URL given with "
                        + "--relay-env VAR");
            }
            if (!allowed.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
            String value;
            if (eq > 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                throw new UsageException("option --" + name + " needs a value");
            }
            if (values.putIfAbsent(name, value) != null) {
                throw new UsageException("option --" + name + " is given more than once");
            }
        }
        return new CommandLine(values, help);
    }

    boolean helpRequested() {
        return help;
    }

    String required(String name) throws UsageException {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("option --" + name + " is required");
        }
        return value;
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** A positive number of seconds, fractions allowed (--timeout 0.5). */
    Optional<Duration> seconds(String name) throws UsageException {
        Optional<String> text = optional(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            BigDecimal seconds = new BigDecimal(text.get().trim());
            long millis = seconds.movePointRight(3).longValueExact();
            if (millis > 0) {
                return Optional.of(Duration.ofMillis(millis));
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw new UsageException("option --" + name + " needs a positive number of seconds (at most 3 decimals), "
                + "got '" + text.get() + "'");
    }
}
