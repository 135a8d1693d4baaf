package org.gatehouse.connector.sql.impl;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.Set;

import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.ConnectorException.Reason;

/**
 * Turns a driver's SQLException into a ConnectorException whose reason the gateway can act on and whose message
 * names the data source, says what the database said, and holds no secret.
 * <p>
 * The reason comes from the SQLState where drivers agree on it (class 28: invalid authorization, class 08:
 * connection exception) and from vendor error codes where they do not.
 */
final class SqlErrors {

    /** H2 reports a wrong user or password as error code 28000 (its SQLState is 28000 too, but say it outright). */
    private static final int H2_WRONG_USER_OR_PASSWORD = 28000;
    /** SQL Server login failures carry SQLState S0001; the error number says what failed. */
    private static final Set<Integer> SQL_SERVER_LOGIN_FAILURES = Set.of(
            18456, // login failed for user
            18452, // login from an untrusted domain (Windows authentication refused)
            18486, // account locked out
            18487, // password expired
            18488); // password must be changed

    private final SqlDataSource dataSource;

    SqlErrors(SqlDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A failure while connecting: refused credentials, an unreachable server, or a connection it would not make. */
    ConnectorException connectFailed(SQLException e) {
        if (isAuthenticationFailure(e)) {
            return failure(Reason.AUTHENTICATION_FAILED,
                    "authentication failed for data source " + dataSource.id(), e);
        }
        String where = "data source " + dataSource.id() + " (" + dataSource.displayUrl() + ")";
        return failure(Reason.SOURCE_UNREACHABLE,
                (isUnreachable(e) ? where + " is unreachable" : "could not connect to " + where), e);
    }

    /** A failure while running the query or reading its rows. */
    ConnectorException queryFailed(String queryName, SQLException e) {
        String query = "query '" + queryName + "' on data source " + dataSource.id();
        if (isUnreachable(e)) {
            return failure(Reason.SOURCE_UNREACHABLE, query + " lost its connection", e);
        }
        if (e instanceof SQLTimeoutException) {
            return failure(Reason.QUERY_FAILED,
                    query + " ran past its limit of " + dataSource.queryTimeoutSeconds() + " s", e);
        }
        return failure(Reason.QUERY_FAILED, query + " failed", e);
    }

    ConnectorException cancelled(String queryName) {
        return new ConnectorException(Reason.CANCELLED,
                "query '" + queryName + "' on data source " + dataSource.id() + " was cancelled");
    }

    ConnectorException noDriver() {
        return new ConnectorException(Reason.INVALID_SETTINGS, "data source " + dataSource.id()
                + ": no JDBC driver installed accepts URL " + dataSource.displayUrl());
    }

    private ConnectorException failure(Reason reason, String what, SQLException e) {
        SecretScrubber scrubber = dataSource.scrubber();
        String databaseSays = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ConnectorException(reason, what + ": " + scrubber.scrub(databaseSays), scrubber.safeCause(e));
    }

    private boolean isAuthenticationFailure(SQLException e) {
        String state = e.getSQLState();
        if (state != null && state.startsWith("28")) {
            return true; // 28000 invalid authorization; PostgreSQL's 28P01 invalid password
        }
        if (dataSource.isH2()) {
            return e.getErrorCode() == H2_WRONG_USER_OR_PASSWORD;
        }
        return dataSource.isSqlServer() && SQL_SERVER_LOGIN_FAILURES.contains(e.getErrorCode());
    }

    private static boolean isUnreachable(SQLException e) {
        String state = e.getSQLState();
        if (state != null && state.startsWith("08")) {
            return true;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
