package org.gatehouse.api;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A data source's connection settings: its id, its connector kind, and the kind-specific properties (for SQL: url,
 * or host/port/database and driver options). Secrets are not settings; they come as {@link Credentials}.
 */
public final class DataSourceSettings {

    private final String id;
    private final String kind;
    private final Map<String, String> properties;

    public DataSourceSettings(String id, String kind, Map<String, String> properties) {
        this.id = requireText(id, "id");
        this.kind = requireText(kind, "kind");
        this.properties = Collections.unmodifiableMap(new TreeMap<>(properties));
    }

    public String id() {
        return id;
    }

    public String kind() {
        return kind;
    }

    public Map<String, String> properties() {
        return properties;
    }

    public Optional<String> get(String key) {
        String value = properties.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    /** A setting the connector cannot work without; a missing one is reported with the data source's id. */
    public String require(String key) throws ConnectorException {
        return get(key).orElseThrow(() -> new ConnectorException(ConnectorException.Reason.INVALID_SETTINGS,
                "data source " + id + " has no '" + key + "' setting"));
    }

    public int getInt(String key, int defaultValue) throws ConnectorException {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw new ConnectorException(ConnectorException.Reason.INVALID_SETTINGS,
                    "data source " + id + ": setting '" + key + "' is not a number: " + value.get());
        }
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        return get(key).map(Boolean::parseBoolean).orElse(defaultValue);
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("data source " + what + " must not be empty");
        }
        return value;
    }

    @Override
    public String toString() {
        return id + " (" + kind + ")";
    }
}
