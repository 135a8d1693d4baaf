package org.gatehouse.core.impl.store;

import java.util.List;
import java.util.Map;

import org.gatehouse.api.gateway.DatasetInfo;

/**
 * The data sources and datasets the owner and the service define, kept in the gateway store (so a clustered set-up
 * on PostgreSQL shares them). Their sign-ins are in the credential vault, not here. Offered as a service while the
 * store is open; reads and writes throw IllegalStateException when the store cannot be used.
 */
public interface DefinitionStore {

    /** A stored data source: no sign-in, that is in the vault. */
    record StoredDataSource(String id, String kind, Map<String, String> settings) {
        public StoredDataSource {
            settings = Map.copyOf(settings);
        }
    }

    List<StoredDataSource> dataSources();

    List<DatasetInfo> datasets();

    /** Adds a data source; the caller has checked that its id is free and its settings valid. */
    void addDataSource(StoredDataSource dataSource);

    /** @return whether it was stored */
    boolean removeDataSource(String id);

    /** Adds a dataset with its queries in order; the caller has checked it. */
    void addDataset(DatasetInfo dataset);

    /** @return whether it was stored */
    boolean removeDataset(String name);
}
