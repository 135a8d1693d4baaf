package org.gatehouse.core.impl;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Reading ConfigAdmin properties the way every Gatehouse configuration does: text values, framework keys dropped. */
final class ConfigProperties {

    private static final Set<String> FRAMEWORK_PREFIXES = Set.of("service.", "component.", "felix.", "osgi.");

    private ConfigProperties() {
    }

    /** The configuration's own properties as trimmed text, without the keys ConfigAdmin, DS and FileInstall add. */
    static Map<String, String> ownProperties(Map<String, ?> properties) {
        Map<String, String> own = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (value != null && FRAMEWORK_PREFIXES.stream().noneMatch(key::startsWith)) {
                own.put(key, value.toString().trim());
            }
        });
        return own;
    }

    static String require(Map<String, String> properties, String key, String what) {
        String value = properties.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " has no '" + key + "' property");
        }
        return value;
    }
}
