package org.gatehouse.relay.embedded.impl;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${name}} with a property value. Needed because the default data directory is relative to
 * {@code karaf.data}: ConfigAdmin interpolates values read from etc/*.cfg, but annotation defaults reach us verbatim.
 */
final class SystemPropertyPlaceholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    private SystemPropertyPlaceholders() {
    }

    static String resolve(String value, UnaryOperator<String> properties) {
        Matcher matcher = PLACEHOLDER.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement = properties.apply(name);
            if (replacement == null) {
                // a broker journal in a directory literally named "${karaf.data}" would be worse than failing
                throw new IllegalStateException("'" + value + "' refers to ${" + name + "}, which is not set");
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }
}
