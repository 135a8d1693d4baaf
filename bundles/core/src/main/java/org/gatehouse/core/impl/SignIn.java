package org.gatehouse.core.impl;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.gatehouse.api.AuthenticationType;
import org.gatehouse.api.Credentials;

/**
 * Checks credentials against what a data source's connector supports, and turns them into the data source's
 * configuration properties ({@code auth}, {@code user}, {@code password}, as {@link DataSourceConfig} reads them).
 * <p>
 * The secret is kept in the configuration as plain text for now - the encrypted credential vault is a later step -
 * so it also lands in the data source's etc/ file. No message built here ever includes it.
 */
final class SignIn {

    static final String AUTH = "auth";
    static final String USER = "user";
    static final String PASSWORD = "password";

    private static final Set<AuthenticationType> NEED_SECRET = EnumSet.of(AuthenticationType.KEY,
            AuthenticationType.OAUTH2);

    private SignIn() {
    }

    static void requireSupported(DataSourceDefinition source, Set<AuthenticationType> supported,
                                 Credentials credentials) {
        if (!supported.contains(credentials.type())) {
            throw new IllegalArgumentException("data source " + source.id() + " (kind " + source.kind()
                    + ") does not support " + credentials.type() + " sign-in; supported: "
                    + EnumSet.copyOf(supported).stream().map(Enum::name).collect(Collectors.joining(", ")));
        }
        if (NEED_SECRET.contains(credentials.type()) && credentials.secret().filter(s -> !s.isEmpty()).isEmpty()) {
            throw new IllegalArgumentException("data source " + source.id() + ": " + credentials.type()
                    + " sign-in needs a " + (credentials.type() == AuthenticationType.KEY ? "key" : "token"));
        }
        credentials.user().ifPresent(user -> DefinitionRules.requireStorable(user, "the user name"));
        credentials.secret().ifPresent(secret -> {
            if (secret.contains("${")) {
                // said without the secret: configuration files would read it as a placeholder
                throw new IllegalArgumentException("data source " + source.id() + ": a secret containing '${' "
                        + "cannot be stored until the credential vault exists");
            }
        });
    }

    /** The configuration's properties with its sign-in replaced by {@code credentials}. */
    static Map<String, String> apply(Map<String, String> configuration, Credentials credentials) {
        Map<String, String> properties = new TreeMap<>(configuration);
        properties.remove(AUTH);
        properties.remove(USER);
        properties.remove(PASSWORD);
        properties.put(AUTH, credentials.type().name().toLowerCase(Locale.ROOT));
        if (credentials.type() != AuthenticationType.ANONYMOUS) {
            credentials.user().ifPresent(user -> properties.put(USER, user));
            credentials.secret().ifPresent(secret -> properties.put(PASSWORD, secret));
        }
        return properties;
    }
}
