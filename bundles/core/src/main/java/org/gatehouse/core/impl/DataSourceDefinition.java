package org.gatehouse.core.impl;

import org.gatehouse.api.Credentials;
import org.gatehouse.api.DataSourceSettings;

/** A configured data source: its connection settings and what it is signed in with. */
record DataSourceDefinition(DataSourceSettings settings, Credentials credentials) {

    String id() {
        return settings.id();
    }

    String kind() {
        return settings.kind();
    }
}
