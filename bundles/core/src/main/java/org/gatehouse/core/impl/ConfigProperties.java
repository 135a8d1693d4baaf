package org.gatehouse.core.impl;

import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
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

    /** A ConfigurationAdmin dictionary as a map. */
    static Map<String, Object> asMap(Dictionary<String, Object> dictionary) {
        Map<String, Object> map = new HashMap<>();
        for (String key : Collections.list(dictionary.keys())) {
            map.put(key, dictionary.get(key));
        }
        return map;
    }

    static String require(Map<String, String> properties, String key, String what) {
        String value = properties.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " has no '" + key + "' property");
        }
        return value;
    }
}
