package org.gatehouse.connector.sql.impl;

import static org.gatehouse.connector.sql.impl.Failures.expectFailure;
import static org.gatehouse.connector.sql.impl.TestSettings.sql;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Driver;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import javax.sql.XADataSource;

import org.gatehouse.api.ConnectorException.Reason;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.DataSourceSettings;
import org.gatehouse.api.Query;
import org.gatehouse.api.RowSource;
import org.junit.Test;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * The connector as Declarative Services drives it, with the DataSourceFactory classes the driver bundles really
 * register (H2's and PostgreSQL's own), bound and unbound by hand instead of by a framework.
 */
public class DataSourceFactoryTrackingTest {

    private final SqlConnector connector = new SqlConnector();
    private final DataSourceSettings h2 = sql("tracked", "url", "jdbc:h2:mem:tracked");
    private final DataSourceFactory h2Factory = new org.h2.util.OsgiDataSourceFactory(org.h2.Driver.load());

    @Test
    public void aBoundFactorysDriverServesItsUrls() throws Exception {
        connector.addDataSourceFactory(h2Factory, Map.of(DataSourceFactory.OSGI_JDBC_DRIVER_NAME, "H2 JDBC Driver"));
        connector.addDataSourceFactory(new org.postgresql.osgi.PGDataSourceFactory(),
                Map.of(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS, "org.postgresql.Driver", "service.ranking", 5));

        try (RowSource rows = connector.open(h2, Credentials.basic("sa", ""), new Query("one", "SELECT 1 AS one"))) {
            Object[] row = new Object[1];
            assertTrue(rows.next(row));
            assertEquals(1, row[0]);
        }
    }

    @Test
    public void anUnboundFactorysUrlsHaveNoDriver() throws Exception {
        connector.addDataSourceFactory(h2Factory, Map.of());
        connector.test(h2, Credentials.basic("sa", ""));

        connector.removeDataSourceFactory(h2Factory);

        expectFailure(Reason.INVALID_SETTINGS, () -> connector.test(h2, Credentials.basic("sa", "")));
    }

    @Test
    public void aFactoryThatCannotCreateItsDriverIsSkipped() {
        connector.addDataSourceFactory(new BrokenFactory(), Map.of());

        expectFailure(Reason.INVALID_SETTINGS, () -> connector.test(h2, Credentials.basic("sa", "")));
    }

    /** A driver bundle whose driver cannot be made, e.g. because a class it needs is missing. */
    private static final class BrokenFactory implements DataSourceFactory {

        @Override
        public Driver createDriver(Properties properties) throws SQLException {
            throw new SQLException("driver class missing");
        }

        @Override
        public DataSource createDataSource(Properties properties) throws SQLException {
            throw new SQLException("driver class missing");
        }

        @Override
        public ConnectionPoolDataSource createConnectionPoolDataSource(Properties properties) throws SQLException {
            throw new SQLException("driver class missing");
        }

        @Override
        public XADataSource createXADataSource(Properties properties) throws SQLException {
            throw new SQLException("driver class missing");
        }
    }
}
