package org.gatehouse.shell.impl;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A second line of defence for what the shell prints. Data source settings hold no secrets by contract (those are
 * signed in, and kept apart), but a setting an owner or an older configuration file named like one is shown hidden
 * rather than trusted: the shell must never print a secret.
 */
final class SecretLookingSettings {

    static final String HIDDEN = "(hidden)";
    private static final Pattern SECRET_NAME = Pattern.compile(".*(password|passwd|secret|token|apikey|accesskey"
            + "|sharedaccesskey|credential).*");

    private SecretLookingSettings() {
    }

    static String visibleValue(String key, String value) {
        return SECRET_NAME.matcher(key.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "")).matches() ? HIDDEN : value;
    }
}
