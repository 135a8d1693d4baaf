package org.gatehouse.core.impl;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.gatehouse.api.AuthenticationType;
import org.gatehouse.api.Credentials;

/**
 * Checks credentials against what a data source's connector supports, and marks a data source's configuration as
 * signed in through the vault: the configuration then holds {@code signin = vault} and none of {@code auth},
 * {@code user} or {@code password}, whose values live encrypted in the vault. No message built here includes a secret.
 */
final class SignIn {

    static final String AUTH = "auth";
    static final String USER = "user";
    static final String PASSWORD = "password";
    static final String SIGN_IN = "signin";
    static final String VAULT = "vault";

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
    }

    /** The configuration's properties with its sign-in handed to the vault. */
    static Map<String, String> signedInThroughVault(Map<String, String> configuration) {
        Map<String, String> properties = new TreeMap<>(configuration);
        properties.remove(AUTH);
        properties.remove(USER);
        properties.remove(PASSWORD);
        properties.put(SIGN_IN, VAULT);
        return properties;
    }
}
