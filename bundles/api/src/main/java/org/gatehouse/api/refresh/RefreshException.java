package org.gatehouse.api.refresh;

/** A refresh that failed, with a reason code and a message fit to show the requester (no secrets). */
public class RefreshException extends Exception {

    private static final long serialVersionUID = 1L;

    private final FailureReason reason;

    public RefreshException(FailureReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RefreshException(FailureReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public FailureReason reason() {
        return reason;
    }
}
