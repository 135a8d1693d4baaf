package org.gatehouse.core.impl;

import org.gatehouse.api.Credentials;
import org.gatehouse.api.DataSourceSettings;

/**
 * A configured data source: its connection settings and what its configuration signs it in with. When
 * {@code signedInThroughVault}, its configuration says only that: the credentials are in the vault and
 * {@link #credentials()} is anonymous - read them with {@link SignedInCredentials}.
 */
record DataSourceDefinition(DataSourceSettings settings, Credentials credentials, boolean signedInThroughVault) {

    DataSourceDefinition(DataSourceSettings settings, Credentials credentials) {
        this(settings, credentials, false);
    }

    String id() {
        return settings.id();
    }

    String kind() {
        return settings.kind();
    }
}
