package org.gatehouse.connector.sql.impl;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.Query;
import org.gatehouse.api.RowSource;
import org.gatehouse.api.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rows of one query, streamed from a forward-only, read-only result set that fetches {@code fetchSize} rows per
 * round trip. It owns its connection: one connection per row source, released when the last row has been read or
 * the source is closed.
 */
final class JdbcRowSource implements RowSource {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcRowSource.class);

    private final SqlDataSource dataSource;
    private final String queryName;
    private final Connection connection;
    private final Statement statement;
    private final ResultSet resultSet;
    private final JdbcColumns columns;

    /** Set by another thread; checked before every row so a cancel stops the read even between fetches. */
    private volatile boolean cancelled;
    private boolean released;

    private JdbcRowSource(SqlDataSource dataSource, String queryName, Connection connection, Statement statement,
            ResultSet resultSet, JdbcColumns columns) {
        this.dataSource = dataSource;
        this.queryName = queryName;
        this.connection = connection;
        this.statement = statement;
        this.resultSet = resultSet;
        this.columns = columns;
    }

    /**
     * Runs the query on the connection, which the row source then owns. On failure the connection is closed.
     * The query runs here, on the caller's thread, before any row source exists to cancel; the data source's
     * {@code queryTimeoutSeconds} is what bounds a query that never returns its first rows.
     */
    static JdbcRowSource start(Connection connection, SqlDataSource dataSource, Query query)
            throws ConnectorException {
        Statement statement = null;
        ResultSet resultSet = null;
        try {
            // PostgreSQL streams with a cursor only inside a transaction; elsewhere this costs nothing
            connection.setAutoCommit(false);
            // a gateway only reads: let the database refuse anything else, whatever the query text says
            connection.setReadOnly(true);
            statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(dataSource.fetchSize());
            if (dataSource.queryTimeoutSeconds() > 0) {
                statement.setQueryTimeout(dataSource.queryTimeoutSeconds());
            }
            resultSet = statement.executeQuery(query.text());
            JdbcColumns columns = JdbcColumns.of(resultSet.getMetaData());
            return new JdbcRowSource(dataSource, query.name(), connection, statement, resultSet, columns);
        } catch (SQLException e) {
            release(dataSource, resultSet, statement, connection);
            throw dataSource.errors().queryFailed(query.name(), e);
        } catch (RuntimeException e) {
            release(dataSource, resultSet, statement, connection);
            throw e;
        }
    }

    @Override
    public Schema schema() {
        return columns.schema();
    }

    @Override
    public boolean next(Object[] row) throws ConnectorException {
        if (row.length != columns.schema().size()) {
            throw new IllegalArgumentException(
                    "row has " + row.length + " slots for " + columns.schema().size() + " columns");
        }
        if (cancelled) {
            throw dataSource.errors().cancelled(queryName);
        }
        if (released) {
            return false;
        }
        try {
            if (!resultSet.next()) {
                // free the connection now: the caller may keep the source open while it finishes its own output
                close();
                return false;
            }
            columns.read(resultSet, row);
            return true;
        } catch (SQLException e) {
            if (cancelled) {
                throw dataSource.errors().cancelled(queryName);
            }
            throw dataSource.errors().queryFailed(queryName, e);
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
        try {
            // stops work in progress on the database side; a no-op when the statement is idle or closed
            statement.cancel();
            if (dataSource.isPostgres()) {
                // PostgreSQL's Statement.cancel() does not reach the fetches of a cursor
                PostgresCancel.cancelRunningQuery(connection);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Cancelling query '{}' on data source {} failed; the next row read stops it anyway",
                    queryName, dataSource.id(), dataSource.scrubber().safeCause(e));
        }
    }

    @Override
    public void close() {
        if (!released) {
            released = true;
            release(dataSource, resultSet, statement, connection);
        }
    }

    private static void release(SqlDataSource dataSource, ResultSet resultSet, Statement statement,
            Connection connection) {
        quietly(dataSource, "result set", resultSet);
        quietly(dataSource, "statement", statement);
        if (connection != null) {
            try {
                // end the read-only transaction explicitly: some drivers commit on close
                connection.rollback();
            } catch (SQLException | RuntimeException e) {
                LOG.debug("Rolling back the read of data source {} failed", dataSource.id(),
                        dataSource.scrubber().safeCause(e));
            }
        }
        quietly(dataSource, "connection", connection);
    }

    private static void quietly(SqlDataSource dataSource, String what, AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            // close() must not throw; a resource that will not close is the driver's to reclaim
            LOG.debug("Closing the {} of data source {} failed", what, dataSource.id(),
                    dataSource.scrubber().safeCause(e));
        }
    }

    /** For tests: the result set this source reads. */
    ResultSet resultSet() {
        return resultSet;
    }

    /** For tests: the connection this source owns. */
    Connection connection() {
        return connection;
    }
}
