package org.gatehouse.core.impl;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The data sources and datasets defined right now, tracked as their configurations come and go. */
@Component(service = DefinitionRegistry.class)
public class DefinitionRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(DefinitionRegistry.class);

    private final Map<String, DataSourceDefinition> dataSources = new ConcurrentHashMap<>();
    private final Map<String, DatasetDefinition> datasets = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addDataSource(DataSourceDefinition dataSource) {
        if (dataSources.put(dataSource.id(), dataSource) != null) {
            LOG.warn("data source {} is defined twice; the newer definition wins", dataSource.id());
        }
    }

    void removeDataSource(DataSourceDefinition dataSource) {
        dataSources.remove(dataSource.id(), dataSource);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addDataset(DatasetDefinition dataset) {
        if (datasets.put(dataset.name(), dataset) != null) {
            LOG.warn("dataset {} is defined twice; the newer definition wins", dataset.name());
        }
    }

    void removeDataset(DatasetDefinition dataset) {
        datasets.remove(dataset.name(), dataset);
    }

    Optional<DataSourceDefinition> dataSource(String id) {
        return Optional.ofNullable(dataSources.get(id));
    }

    Optional<DatasetDefinition> dataset(String name) {
        return Optional.ofNullable(datasets.get(name));
    }

    List<DataSourceDefinition> dataSources() {
        return dataSources.values().stream().sorted(Comparator.comparing(DataSourceDefinition::id)).toList();
    }

    List<DatasetDefinition> datasets() {
        return datasets.values().stream().sorted(Comparator.comparing(DatasetDefinition::name)).toList();
    }

    List<String> datasetNames() {
        return datasets.keySet().stream().sorted().toList();
    }
}
