package org.gatehouse.shell.impl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code --set key=value} options of a command, as settings in the order given. */
final class KeyValueOptions {

    private KeyValueOptions() {
    }

    /**
     * @param pairs each {@code key=value}; the value is everything after the first '=', so it may hold '=' itself
     *              (JDBC URLs do)
     * @throws IllegalArgumentException naming the pair that has no key, or a key given twice
     */
    static Map<String, String> parse(List<String> pairs) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (pairs == null) {
            return settings;
        }
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? "" : pair.substring(0, eq).trim();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("--set takes key=value, got '" + pair + "'");
            }
            if (settings.put(key, pair.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException("setting '" + key + "' is given twice");
            }
        }
        return settings;
    }
}
