package org.gatehouse.client;

import java.io.IOException;

/**
 * The relay could not be reached or failed during an exchange: connection refused, sign-in rejected, link closed.
 * Its message says what the client was doing; the JMS exception underneath is the cause.
 */
public class RelayException extends IOException {

    private static final long serialVersionUID = 1L;

    public RelayException(String doing, Exception cause) {
        super(doing + " failed: " + describe(cause), cause);
    }

    private static String describe(Exception cause) {
        // Qpid JMS often wraps the telling exception (e.g. "Connection refused") without a message of its own
        Throwable t = cause;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
