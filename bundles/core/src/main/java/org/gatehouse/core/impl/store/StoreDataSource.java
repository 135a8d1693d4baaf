package org.gatehouse.core.impl.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * New connections to the gateway store, each its own. The store itself works on one connection; others that keep
 * tables in the store (the scheduler's Quartz job store) get theirs here, offered as a {@link DataSource} service with
 * the property {@value #STORE_PROPERTY}{@code =true} while the store is open. Not pooled: a user that needs many
 * short transactions keeps its own few connections.
 */
public final class StoreDataSource implements DataSource {

    /** Service property marking the gateway store's data source among others (pax-jdbc may offer some). */
    public static final String STORE_PROPERTY = "gatehouse.store";

    private final Driver driver;
    private final StoreSettings settings;
    private volatile int loginTimeoutSeconds;

    StoreDataSource(Driver driver, StoreSettings settings) {
        this.driver = driver;
        this.settings = settings;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Properties properties = new Properties();
        if (!settings.user().isEmpty()) {
            properties.setProperty("user", settings.user());
        }
        if (!settings.password().isEmpty()) {
            properties.setProperty("password", settings.password());
        }
        if (loginTimeoutSeconds > 0) {
            properties.setProperty("loginTimeout", String.valueOf(loginTimeoutSeconds));
        }
        Connection opened = driver.connect(settings.url(), properties);
        if (opened == null) {
            throw new SQLException("the JDBC driver " + driver.getClass().getName() + " does not take "
                    + settings.urlWithoutPassword());
        }
        return opened;
    }

    /** Always the store's own user: one gateway store, one set of credentials (kept in etc/org.gatehouse.store.cfg). */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the gateway store connects as the user its configuration names");
    }

    /** Where the store is, without a password, for messages. */
    public String description() {
        return settings.description();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // the store logs through SLF4J
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("the gateway store logs through SLF4J");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("the gateway store's data source is not a " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
