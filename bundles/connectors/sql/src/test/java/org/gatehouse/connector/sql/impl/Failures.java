package org.gatehouse.connector.sql.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.gatehouse.api.ConnectorException;

/** Assertions about how a connector call fails. */
final class Failures {

    @FunctionalInterface
    interface ConnectorCall {
        void run() throws ConnectorException;
    }

    private Failures() {
    }

    /** Runs the call, which must fail with the reason; returns the exception for further checks. */
    static ConnectorException expectFailure(ConnectorException.Reason reason, ConnectorCall call) {
        try {
            call.run();
        } catch (ConnectorException e) {
            assertEquals("reason of: " + e.getMessage(), reason, e.reason());
            return e;
        }
        fail("expected a ConnectorException " + reason);
        throw new AssertionError("unreachable");
    }

    /** Neither the message nor anything in the printed stack trace, causes included, contains the secret. */
    static void assertNoSecret(ConnectorException e, String secret) {
        assertFalse("message leaks the secret: " + e.getMessage(), e.getMessage().contains(secret));
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertFalse("stack trace leaks the secret:\n" + trace, trace.toString().contains(secret));
    }

    static void assertMentions(ConnectorException e, String... parts) {
        for (String part : parts) {
            assertTrue("message should mention '" + part + "': " + e.getMessage(), e.getMessage().contains(part));
        }
    }
}
