package org.gatehouse.client.cli;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.gatehouse.protocol.RelayEndpoint;

/**
 * The relay options every command shares. Secrets come from the environment, never from visible arguments: the
 * password through --password-env, a URL or Service Bus connection string holding a key through --relay-env.
 */
final class RelaySettings {

    static final Set<String> OPTIONS = Set.of("relay", "relay-env", "user", "password-env");

    private RelaySettings() {
    }

    static RelayEndpoint endpoint(CommandLine line, Function<String, String> environment) throws UsageException {
        Optional<String> direct = line.optional("relay");
        Optional<String> fromVariable = line.optional("relay-env");
        if (direct.isPresent() == fromVariable.isPresent()) {
            throw new UsageException("give the relay with either --relay URL or --relay-env VAR");
        }
        String relay = direct.isPresent() ? direct.get() : variable(environment, fromVariable.get(), "--relay-env");
        String user = line.optional("user").orElse(null);
        String password = line.optional("password-env").isPresent()
                ? variable(environment, line.optional("password-env").get(), "--password-env") : null;
        try {
            return RelayEndpoint.parse(relay, user, password);
        } catch (IllegalArgumentException e) {
            throw new UsageException("relay: " + e.getMessage()); // RelayEndpoint never quotes a key back
        }
    }

    private static String variable(Function<String, String> environment, String name, String option)
            throws UsageException {
        String value = environment.apply(name);
        if (value == null || value.isEmpty()) {
            throw new UsageException(option + ": environment variable " + name + " is not set");
        }
        return value;
    }
}
