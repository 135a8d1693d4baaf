package org.gatehouse.connector.sql.impl;

import java.util.LinkedHashMap;
import java.util.Map;

import org.gatehouse.api.DataSourceSettings;

/** Data source settings for tests, written as key, value, key, value... */
final class TestSettings {

    private TestSettings() {
    }

    static DataSourceSettings sql(String id, String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new DataSourceSettings(id, SqlConnector.KIND, properties);
    }
}
