package org.gatehouse.core.impl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gatehouse.api.Credentials;
import org.gatehouse.api.DataSourceSettings;
import org.gatehouse.api.Query;
import org.gatehouse.api.gateway.DatasetInfo;
import org.gatehouse.core.impl.store.DefinitionStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The definitions kept in the gateway store, handed to the {@link DefinitionRegistry} next to the ones configured in
 * etc/, so refreshes see both kinds alike. Present while the store is open: definitions are loaded when it opens and
 * withdrawn when it closes.
 * <p>
 * A stored data source is always signed in through the vault (anonymously until someone signs it in).
 */
@Component(service = StoredDefinitions.class)
public class StoredDefinitions {

    private static final Logger LOG = LoggerFactory.getLogger(StoredDefinitions.class);

    private final DefinitionRegistry registry;
    private final DefinitionStore store;
    private final Map<String, DataSourceDefinition> dataSources = new HashMap<>();
    private final Map<String, DatasetDefinition> datasets = new HashMap<>();

    @Activate
    public StoredDefinitions(@Reference DefinitionRegistry registry, @Reference DefinitionStore store) {
        this.registry = registry;
        this.store = store;
        List<DefinitionStore.StoredDataSource> storedSources = store.dataSources();
        List<DatasetInfo> storedDatasets = store.datasets();
        storedSources.forEach(this::offer);
        storedDatasets.forEach(this::offer);
        LOG.info("{} data sources and {} datasets loaded from the gateway store", storedSources.size(),
                storedDatasets.size());
    }

    synchronized boolean holdsDataSource(String id) {
        return dataSources.containsKey(id);
    }

    synchronized boolean holdsDataset(String name) {
        return datasets.containsKey(name);
    }

    synchronized void addDataSource(DefinitionStore.StoredDataSource source) {
        store.addDataSource(source);
        offer(source);
    }

    synchronized void removeDataSource(String id) {
        store.removeDataSource(id);
        DataSourceDefinition definition = dataSources.remove(id);
        if (definition != null) {
            registry.removeDataSource(definition);
        }
    }

    synchronized void addDataset(DatasetInfo dataset) {
        store.addDataset(dataset);
        offer(dataset);
    }

    synchronized void removeDataset(String name) {
        store.removeDataset(name);
        DatasetDefinition definition = datasets.remove(name);
        if (definition != null) {
            registry.removeDataset(definition);
        }
    }

    private synchronized void offer(DefinitionStore.StoredDataSource source) {
        DataSourceDefinition definition = new DataSourceDefinition(new DataSourceSettings(source.id(), source.kind(),
                source.settings()), Credentials.anonymous(), true);
        dataSources.put(source.id(), definition);
        registry.addDataSource(definition);
    }

    private synchronized void offer(DatasetInfo dataset) {
        DatasetDefinition definition = new DatasetDefinition(dataset.name(), dataset.queries().stream()
                .map(q -> new DatasetDefinition.DatasetQuery(q.dataSourceId(), new Query(q.name(), q.text())))
                .toList(), dataset.destination());
        datasets.put(dataset.name(), definition);
        registry.addDataset(definition);
    }

    @Deactivate
    synchronized void deactivate() {
        dataSources.values().forEach(registry::removeDataSource);
        datasets.values().forEach(registry::removeDataset);
        dataSources.clear();
        datasets.clear();
    }
}
