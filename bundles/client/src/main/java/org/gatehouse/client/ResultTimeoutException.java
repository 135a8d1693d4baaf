package org.gatehouse.client;

import org.gatehouse.protocol.PartialResultException;

/**
 * The gateway did not answer in time, or fell silent in the middle of a result. Whatever arrived is rejected like
 * any other partial result; {@link #reason()} says which timeout struck.
 */
public class ResultTimeoutException extends PartialResultException {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final long messagesReceived;

    public ResultTimeoutException(String reason, long messagesReceived) {
        super(reason);
        this.reason = reason;
        this.messagesReceived = messagesReceived;
    }

    /** What timed out, e.g. "no answer from gateway g1 within 60 s", without the partial-result prefix. */
    public String reason() {
        return reason;
    }

    /** Messages of the result that had arrived; 0 means the gateway never answered. */
    public long messagesReceived() {
        return messagesReceived;
    }
}
