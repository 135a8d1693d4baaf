package org.gatehouse.scheduler.impl;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gatehouse.api.Credentials;
import org.gatehouse.api.gateway.DataSourceInfo;
import org.gatehouse.api.gateway.DatasetInfo;
import org.gatehouse.api.gateway.GatewayDefinitions;

/** Definitions that only know which datasets exist: all the schedules service asks. */
final class DefinedDatasets implements GatewayDefinitions {

    private final Set<String> names;

    DefinedDatasets(String... names) {
        this.names = Set.of(names);
    }

    @Override
    public List<DatasetInfo> datasets() {
        return names.stream().map(name -> new DatasetInfo(name, List.of())).toList();
    }

    @Override
    public Optional<DatasetInfo> dataset(String name) {
        return names.contains(name) ? Optional.of(new DatasetInfo(name, List.of())) : Optional.empty();
    }

    @Override
    public List<DataSourceInfo> dataSources() {
        return List.of();
    }

    @Override
    public Optional<DataSourceInfo> dataSource(String id) {
        return Optional.empty();
    }

    @Override
    public void addDataSource(String id, String kind, Map<String, String> settings) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void signIn(String dataSourceId, Credentials credentials) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removeDataSource(String id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void addDataset(DatasetInfo dataset) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removeDataset(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void testDataSource(String id) {
        throw new UnsupportedOperationException();
    }
}
