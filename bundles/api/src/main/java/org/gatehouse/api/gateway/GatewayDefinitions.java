package org.gatehouse.api.gateway;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.Credentials;

/**
 * The data sources and datasets defined on the gateway, and the owner's operations on them. Changes persist and
 * survive restarts. Every refused operation throws IllegalArgumentException with a one-line reason fit for the shell.
 */
public interface GatewayDefinitions {

    List<DataSourceInfo> dataSources();

    Optional<DataSourceInfo> dataSource(String id);

    List<DatasetInfo> datasets();

    Optional<DatasetInfo> dataset(String name);

    /** Defines a data source; refused if the id exists or settings are invalid. Signed in anonymously until signIn. */
    void addDataSource(String id, String kind, Map<String, String> settings);

    /** Signs a data source in; refused if its connector does not support the credentials' type. */
    void signIn(String dataSourceId, Credentials credentials);

    /** Removes a data source; refused, naming them, while datasets still use it. */
    void removeDataSource(String id);

    /** Defines a dataset; refused if the name exists or a query names an unknown data source. */
    void addDataset(DatasetInfo dataset);

    void removeDataset(String name);

    /** Checks connectivity and credentials of a data source without running a dataset. */
    void testDataSource(String id) throws ConnectorException;
}
