package org.gatehouse.powerquery;

/**
 * An M error that escaped evaluation: the reason, message and detail of the M error record, plus where in the source it
 * was raised when known. Inside the engine the same exception travels through lazy values so that {@code try} can turn
 * it back into a record.
 */
public class MException extends RuntimeException {

    private final String reason;
    private final Object detail;
    private final transient Object record;

    public MException(String reason, String message, Object detail, Object record) {
        super(message);
        this.reason = reason;
        this.detail = detail;
        this.record = record;
    }

    public MException(String reason, String message) {
        this(reason, message, null, null);
    }

    public String reason() {
        return reason;
    }

    /** The Detail field of the M error record; an engine value (text, record...) or null. */
    public Object detail() {
        return detail;
    }

    /** The M error record this exception carries when it was raised by an {@code error} expression, else null. */
    public Object record() {
        return record;
    }

    @Override
    public String toString() {
        return reason + ": " + getMessage();
    }
}
