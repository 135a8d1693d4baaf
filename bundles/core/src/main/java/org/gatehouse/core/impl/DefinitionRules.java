package org.gatehouse.core.impl;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the owner may name data sources, datasets and queries, and put in settings; checked before anything is
 * saved, so a refused definition leaves no trace. Names are kept to characters that need no quoting in the shell,
 * in configuration file names and in a dataset's {@code query.NAME.*} keys.
 */
final class DefinitionRules {

    static final int MAX_NAME = 100;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_NAME - 1) + "}");
    private static final Pattern QUERY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0," + (MAX_NAME - 1) + "}");
    private static final Pattern KIND = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern SETTING_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
    /** Kept by sign-in, or by the configuration itself: never connection settings. */
    private static final Set<String> RESERVED_KEYS = Set.of("id", "kind", "auth", "user", "password");
    private static final Set<String> FRAMEWORK_PREFIXES = Set.of("service.", "component.", "felix.", "osgi.");

    private DefinitionRules() {
    }

    static void requireName(String name, String what) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " '" + name + "' is not valid: use up to " + MAX_NAME
                    + " letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
    }

    static void requireQueryName(String dataset, String query) {
        if (query == null || !QUERY_NAME.matcher(query).matches()) {
            throw new IllegalArgumentException("dataset " + dataset + ": query name '" + query + "' is not valid: "
                    + "use up to " + MAX_NAME + " letters, digits, '_' and '-', starting with a letter or digit");
        }
    }

    /** @return the kind in lower case, as connectors name themselves */
    static String requireKind(String kind) {
        String lower = kind == null ? "" : kind.trim().toLowerCase(Locale.ROOT);
        if (!KIND.matcher(lower).matches()) {
            throw new IllegalArgumentException("connector kind '" + kind + "' is not valid: use lower-case letters, "
                    + "digits and '-'");
        }
        return lower;
    }

    static void requireSettings(String id, Map<String, String> settings) {
        settings.forEach((key, value) -> {
            if (key == null || !SETTING_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("data source " + id + ": setting name '" + key + "' is not valid: "
                        + "use letters, digits, '.', '_' and '-', starting with a letter");
            }
            if (RESERVED_KEYS.contains(key) || FRAMEWORK_PREFIXES.stream().anyMatch(key::startsWith)) {
                throw new IllegalArgumentException("data source " + id + ": '" + key + "' is not a connection setting"
                        + (key.equals("user") || key.equals("password") || key.equals("auth")
                        ? "; sign the data source in instead" : ""));
            }
            requireStorable(value, "data source " + id + ": setting " + key);
        });
    }

    /** An address on the relay (a queue or topic name), as AMQP brokers and Service Bus accept them. */
    static void requireDestination(String dataset, String destination) {
        if (!destination.matches("[A-Za-z0-9][A-Za-z0-9._/:-]{0,199}")) {
            throw new IllegalArgumentException("dataset " + dataset + ": destination '" + destination + "' is not a "
                    + "relay address: use letters, digits and . _ / : - (at most 200)");
        }
    }

    static void requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        requireStorable(text, what);
    }

    /**
     * FileInstall reads {@code ${...}} in etc/ files as a placeholder and replaces it, so a value holding one would
     * not survive the round trip through the file.
     */
    static void requireStorable(String value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " has no value");
        }
        if (value.contains("${")) {
            throw new IllegalArgumentException(what + " must not contain '${': configuration files would read it "
                    + "as a placeholder");
        }
    }
}
