package org.gatehouse.api;

/**
 * A connector's failure, with a reason the gateway reports to whoever asked for the refresh as is. Messages must
 * name the data source (its id), say what went wrong in the data source's terms, and never contain a secret.
 */
public class ConnectorException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a connector failed. */
    public enum Reason {
        /** The data source refused the credentials. Not retried: a wrong password stays wrong. */
        AUTHENTICATION_FAILED,
        /** The data source could not be reached (network, host, service down). */
        SOURCE_UNREACHABLE,
        /** The source rejected or failed the query (syntax error, missing table...). */
        QUERY_FAILED,
        /** The data source's settings are incomplete or wrong. */
        INVALID_SETTINGS,
        /** The data source or query asks for something this connector does not support. */
        UNSUPPORTED,
        /** The read was cancelled. */
        CANCELLED
    }

    private final Reason reason;

    public ConnectorException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ConnectorException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
