package org.gatehouse.protocol;

/**
 * Error codes of the protocol itself. Refresh failures use the names of
 * {@link org.gatehouse.api.refresh.FailureReason} (UNKNOWN_DATASET, QUERY_FAILED, ...) as codes.
 */
public final class ErrorCode {

    /** The request is malformed: a property is missing or has a wrong value. */
    public static final String BAD_REQUEST = "BAD_REQUEST";
    /** The request speaks a protocol version this gateway does not. */
    public static final String UNSUPPORTED_VERSION = "UNSUPPORTED_VERSION";
    /** An administrative request the gateway refused: unknown id, duplicate name, a data source still in use... */
    public static final String REFUSED = "REFUSED";
    /** The gateway cannot do it now (its store or credential vault is not open, or the vault is locked). */
    public static final String UNAVAILABLE = "UNAVAILABLE";
    /** The refresh was cancelled (a {@code cancel} request, the owner's shell, the gateway stopping). */
    public static final String CANCELLED = "CANCELLED";

    private ErrorCode() {
    }
}
