package org.gatehouse.api;

import java.util.Set;

/**
 * A data-source kind (SQL database, folder of files, web service...). Register an implementation as an OSGi service;
 * the gateway picks it up while running and drops it when the service goes away.
 * <p>
 * Implementations must be thread-safe: the gateway opens row sources for several refreshes at once.
 */
public interface Connector {

    /** Service property naming the kind, so others can filter on it, e.g. {@code (gatehouse.connector.kind=sql)}. */
    String KIND_PROPERTY = "gatehouse.connector.kind";

    /** The data-source kind this connector serves, lower case, e.g. {@code sql}. Unique per gateway. */
    String kind();

    /** The authentication types a data source of this kind can be signed in with. */
    Set<AuthenticationType> supportedAuthentication();

    /**
     * Checks that the data source is reachable and the credentials are accepted, without running a query.
     *
     * @throws ConnectorException with a reason saying what is wrong
     */
    void test(DataSourceSettings settings, Credentials credentials) throws ConnectorException;

    /**
     * Starts a query and returns its rows as a stream. The caller reads the rows one by one and closes the source;
     * implementations must never hold the whole result in memory.
     *
     * @throws ConnectorException when the source cannot be reached, refuses the credentials, or rejects the query
     */
    RowSource open(DataSourceSettings settings, Credentials credentials, Query query) throws ConnectorException;
}
