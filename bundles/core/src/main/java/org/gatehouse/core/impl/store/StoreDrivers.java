package org.gatehouse.core.impl.store;

import java.sql.Driver;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.jdbc.DataSourceFactory;

/**
 * The JDBC drivers the installed driver bundles offer as {@link DataSourceFactory} services (DriverManager sees
 * none of them in OSGi), asked in order of arrival whether they take the store's URL.
 */
final class StoreDrivers {

    /** A driver and the factory service it came from, which identifies it when the service goes away. */
    record Offered(DataSourceFactory factory, Driver driver) {
    }

    private final List<Offered> offered = new CopyOnWriteArrayList<>();

    void add(DataSourceFactory factory) throws SQLException {
        // without properties every factory hands out its plain driver
        offered.add(new Offered(factory, factory.createDriver(null)));
    }

    void remove(DataSourceFactory factory) {
        offered.removeIf(o -> o.factory() == factory);
    }

    Optional<Offered> forUrl(String url) {
        return offered.stream().filter(o -> accepts(o.driver(), url)).findFirst();
    }

    private static boolean accepts(Driver driver, String url) {
        try {
            return driver.acceptsURL(url);
        } catch (SQLException e) {
            return false; // a driver that cannot tell is not the one to use
        }
    }
}
