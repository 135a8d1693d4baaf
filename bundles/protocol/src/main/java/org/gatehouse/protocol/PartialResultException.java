package org.gatehouse.protocol;

/** A result that arrived incomplete or damaged: a message missing, counts or checksum not matching, no end. */
public class PartialResultException extends Exception {

    private static final long serialVersionUID = 1L;

    public PartialResultException(String message) {
        super("partial result rejected: " + message);
    }
}
