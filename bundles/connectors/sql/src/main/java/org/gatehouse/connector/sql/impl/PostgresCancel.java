package org.gatehouse.connector.sql.impl;

import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Cancels what a PostgreSQL session is running right now, including the fetch of a streaming cursor.
 * <p>
 * PostgreSQL's driver makes {@code Statement.cancel()} a no-op once {@code executeQuery} has returned, so the later
 * fetches of a cursor, where a long read spends its time, cannot be stopped that way. The driver's public
 * {@code org.postgresql.PGConnection.cancelQuery()} sends the server a cancel request for the session instead; the
 * server ignores it when the session is idle, so it is safe whatever the reading thread is doing. It is called
 * through the driver's own class loader and reflection so that this bundle neither imports nor needs the driver.
 */
final class PostgresCancel {

    private static final String PG_CONNECTION = "org.postgresql.PGConnection";

    private PostgresCancel() {
    }

    static void cancelRunningQuery(Connection connection) throws SQLException {
        Class<?> pgConnection;
        try {
            pgConnection = Class.forName(PG_CONNECTION, false, connection.getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new SQLException("not a PostgreSQL connection: " + connection.getClass().getName(), e);
        }
        Object session = connection.unwrap(pgConnection);
        try {
            pgConnection.getMethod("cancelQuery").invoke(session);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof SQLException sql ? sql
                    : new SQLException("PostgreSQL cancel request failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new SQLException("this PostgreSQL driver has no usable cancelQuery()", e);
        }
    }
}
