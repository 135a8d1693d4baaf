package org.gatehouse.connector.sql.impl;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.gatehouse.api.AuthenticationType;
import org.gatehouse.api.Connector;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.ConnectorException.Reason;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.DataSourceSettings;
import org.gatehouse.api.Query;
import org.gatehouse.api.RowSource;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jdbc.DataSourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code sql} connector: reads any database for which a JDBC driver is installed.
 * <p>
 * Drivers are not part of this bundle. Each driver bundle (H2, PostgreSQL, Microsoft's SQL Server driver) registers
 * an OSGi {@link DataSourceFactory}; this component tracks them all, so a driver installed while the gateway runs is
 * usable at once, and one uninstalled is no longer offered. Every read opens its own connection and closes it when
 * the row source is done: the gateway reads rarely and in bulk, so a pool would mostly hold idle sessions open.
 */
@Component(service = Connector.class, property = Connector.KIND_PROPERTY + "=" + SqlConnector.KIND)
public final class SqlConnector implements Connector {

    static final String KIND = "sql";

    private static final Logger LOG = LoggerFactory.getLogger(SqlConnector.class);
    private static final Set<AuthenticationType> SUPPORTED_AUTHENTICATION = Collections.unmodifiableSet(
            EnumSet.of(AuthenticationType.ANONYMOUS, AuthenticationType.BASIC, AuthenticationType.WINDOWS));
    private static final int VALIDITY_CHECK_SECONDS = 10;

    private final JdbcDrivers drivers = new JdbcDrivers();

    /** For Declarative Services: drivers arrive as DataSourceFactory services. */
    public SqlConnector() {
    }

    /** Outside OSGi: these drivers, asked in this order. */
    SqlConnector(Driver... drivers) {
        for (Driver driver : drivers) {
            this.drivers.add(driver, driver, 0);
        }
    }

    @Reference(name = "dataSourceFactory", service = DataSourceFactory.class,
            cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeDataSourceFactory")
    void addDataSourceFactory(DataSourceFactory factory, Map<String, Object> properties) {
        Object name = properties.getOrDefault(DataSourceFactory.OSGI_JDBC_DRIVER_NAME, properties.getOrDefault(
                DataSourceFactory.OSGI_JDBC_DRIVER_CLASS, factory.getClass().getName()));
        try {
            // with no properties every factory hands out its plain driver
            drivers.add(factory, factory.createDriver(null), ranking(properties));
            LOG.info("JDBC driver {} is available to the sql connector", name);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("JDBC driver {} could not be created; data sources it would serve stay unavailable", name, e);
        }
    }

    void removeDataSourceFactory(DataSourceFactory factory) {
        drivers.remove(factory);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Set<AuthenticationType> supportedAuthentication() {
        return SUPPORTED_AUTHENTICATION;
    }

    @Override
    public void test(DataSourceSettings settings, Credentials credentials) throws ConnectorException {
        SqlDataSource dataSource = SqlDataSource.resolve(settings, credentials);
        try (Connection connection = connect(dataSource)) {
            if (!connection.isValid(VALIDITY_CHECK_SECONDS)) {
                throw new ConnectorException(Reason.SOURCE_UNREACHABLE, "data source " + dataSource.id()
                        + " connected but did not answer a validity check within " + VALIDITY_CHECK_SECONDS + " s");
            }
        } catch (SQLException e) {
            throw dataSource.errors().connectFailed(e);
        }
    }

    @Override
    public RowSource open(DataSourceSettings settings, Credentials credentials, Query query)
            throws ConnectorException {
        SqlDataSource dataSource = SqlDataSource.resolve(settings, credentials);
        return JdbcRowSource.start(connect(dataSource), dataSource, query);
    }

    private Connection connect(SqlDataSource dataSource) throws ConnectorException {
        Driver driver = drivers.forUrl(dataSource.url()).orElseThrow(() -> dataSource.errors().noDriver());
        Connection connection;
        try {
            connection = driver.connect(dataSource.url(), dataSource.connectionProperties());
        } catch (SQLException e) {
            throw dataSource.errors().connectFailed(e);
        }
        if (connection == null) {
            // acceptsURL said yes but connect says the URL is not its kind: treat it as no driver at all
            throw dataSource.errors().noDriver();
        }
        return connection;
    }

    private static int ranking(Map<String, Object> properties) {
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        return ranking instanceof Integer value ? value : 0;
    }
}
