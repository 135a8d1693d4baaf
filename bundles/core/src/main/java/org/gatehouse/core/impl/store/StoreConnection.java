package org.gatehouse.core.impl.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The store's single JDBC connection, used by one caller at a time. The store sees a handful of small statements
 * per refresh, so one connection serves it without a pool (and an embedded H2 database stays open while it is held).
 * A connection that turns out broken after a failure, e.g. because PostgreSQL restarted, is dropped; the next use
 * opens a new one.
 */
public final class StoreConnection implements AutoCloseable {

    /** Work done with the connection. */
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final int VALIDITY_CHECK_SECONDS = 2;

    private final StoreDataSource connections;
    private Connection connection;
    private boolean closed;

    StoreConnection(StoreDataSource connections) {
        this.connections = connections;
    }

    public synchronized <T> T use(Work<T> work) throws SQLException {
        if (closed) {
            throw new SQLException("the gateway store is closed");
        }
        if (connection == null) {
            connection = connections.getConnection();
        }
        try {
            return work.run(connection);
        } catch (SQLException | RuntimeException e) {
            dropIfBroken();
            throw e;
        }
    }

    /** Work that changes several rows: all of it is committed, or (on any failure) none of it. */
    public synchronized <T> T inTransaction(Work<T> work) throws SQLException {
        return use(c -> {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        });
    }

    private void dropIfBroken() {
        try {
            if (connection.isValid(VALIDITY_CHECK_SECONDS)) {
                return;
            }
        } catch (SQLException notValid) {
            // as good as broken
        }
        closeConnection();
    }

    private void closeConnection() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // it is being thrown away because it failed
        } finally {
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (connection != null) {
            closeConnection();
        }
    }
}
