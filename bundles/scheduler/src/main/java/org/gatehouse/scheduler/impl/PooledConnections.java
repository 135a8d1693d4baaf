package org.gatehouse.scheduler.impl;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import javax.sql.DataSource;

import org.quartz.utils.ConnectionProvider;

/**
 * Quartz's connections to the gateway store. Quartz takes a connection for every transaction of its job store (a few
 * per fired slot), so a handful of them are kept open and handed out again instead of connecting each time; a
 * connection closed by Quartz goes back to the idle ones unless it is broken or enough are idle already.
 */
final class PooledConnections implements ConnectionProvider {

    private static final int VALIDITY_CHECK_SECONDS = 2;

    private final DataSource store;
    private final BlockingQueue<Connection> idle;
    private volatile boolean shutDown;

    PooledConnections(DataSource store, int maxIdle) {
        this.store = store;
        this.idle = new ArrayBlockingQueue<>(maxIdle);
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (shutDown) {
            throw new SQLException("the scheduler's connections to the gateway store are closed");
        }
        Connection connection;
        while ((connection = idle.poll()) != null) {
            if (connection.isValid(VALIDITY_CHECK_SECONDS)) {
                return lend(connection);
            }
            closeQuietly(connection);
        }
        return lend(store.getConnection());
    }

    /** A view of the connection whose close() gives it back instead of closing it. */
    private Connection lend(Connection connection) {
        InvocationHandler handler = new InvocationHandler() {
            private boolean returned;

            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                switch (method.getName()) {
                    case "close":
                        if (!returned) {
                            returned = true;
                            giveBack(connection);
                        }
                        return null;
                    case "isClosed":
                        return returned || connection.isClosed();
                    case "unwrap":
                    case "isWrapperFor":
                        break;
                    default:
                        if (returned) {
                            throw new SQLException("the connection was given back to the pool");
                        }
                }
                try {
                    return method.invoke(connection, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }

    private void giveBack(Connection connection) {
        try {
            if (!shutDown && !connection.isClosed()) {
                if (!connection.getAutoCommit()) {
                    connection.rollback(); // whatever Quartz left uncommitted is not for the next user
                    connection.setAutoCommit(true);
                }
                if (idle.offer(connection)) {
                    return;
                }
            }
        } catch (SQLException broken) {
            // not worth keeping
        }
        closeQuietly(connection);
    }

    @Override
    public void shutdown() {
        shutDown = true;
        Connection connection;
        while ((connection = idle.poll()) != null) {
            closeQuietly(connection);
        }
    }

    @Override
    public void initialize() {
        // connections are opened when first asked for
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // it is being thrown away
        }
    }
}
