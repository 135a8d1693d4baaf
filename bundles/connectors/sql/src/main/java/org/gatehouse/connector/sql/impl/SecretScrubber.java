package org.gatehouse.connector.sql.impl;

import java.sql.SQLException;
import java.util.List;

/**
 * Keeps a data source's secrets out of what the connector reports. Drivers are not trusted here: some echo the URL
 * or a rejected property back in their messages, so every driver message and every exception handed on as a cause
 * passes through this first.
 */
final class SecretScrubber {

    static final String MASK = "****";

    private final List<String> secrets;

    SecretScrubber(List<String> secrets) {
        this.secrets = secrets.stream().filter(secret -> secret != null && !secret.isEmpty()).toList();
    }

    /** The text with every secret replaced by {@value #MASK}. */
    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String scrubbed = text;
        for (String secret : secrets) {
            scrubbed = scrubbed.replace(secret, MASK);
        }
        return scrubbed;
    }

    /**
     * The exception itself when nothing in its chain mentions a secret, which keeps the whole chain for diagnosis;
     * otherwise a copy with the message scrubbed, its stack trace, and no causes (they are where the secret was).
     */
    Throwable safeCause(Throwable failure) {
        if (!mentionsSecret(failure)) {
            return failure;
        }
        SQLException copy = failure instanceof SQLException sql
                ? new SQLException(scrub(sql.getMessage()), sql.getSQLState(), sql.getErrorCode())
                : new SQLException(failure.getClass().getName() + ": " + scrub(failure.getMessage()));
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    private boolean mentionsSecret(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (!scrub(message).equals(message)) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getNextException() != null
                    && mentionsSecret(sql.getNextException())) {
                return true;
            }
        }
        return false;
    }
}
