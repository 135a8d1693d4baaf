package org.gatehouse.api.refresh;

import org.gatehouse.api.ConnectorException;

/** Why a refresh failed; the relay sends it to the requester as the error code. */
public enum FailureReason {
    UNKNOWN_DATASET,
    UNKNOWN_QUERY,
    UNKNOWN_DATA_SOURCE,
    CONNECTOR_NOT_INSTALLED,
    AUTHENTICATION_FAILED,
    SOURCE_UNREACHABLE,
    QUERY_FAILED,
    INVALID_SETTINGS,
    UNSUPPORTED,
    CANCELLED,
    /** The dataset is being refreshed already: a second refresh of it is refused, not queued. */
    ALREADY_RUNNING,
    /** The result could not be delivered (the relay link went away mid-stream). */
    DELIVERY_FAILED,
    /** A bug or an unexpected condition in the gateway itself. */
    INTERNAL_ERROR;

    public static FailureReason of(ConnectorException.Reason reason) {
        return switch (reason) {
            case AUTHENTICATION_FAILED -> AUTHENTICATION_FAILED;
            case SOURCE_UNREACHABLE -> SOURCE_UNREACHABLE;
            case QUERY_FAILED -> QUERY_FAILED;
            case INVALID_SETTINGS -> INVALID_SETTINGS;
            case UNSUPPORTED -> UNSUPPORTED;
            case CANCELLED -> CANCELLED;
        };
    }
}
