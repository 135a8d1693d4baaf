package org.gatehouse.connector.file.format;

/** A record that cannot be read, with where it is (file and line, or record number) in the message. */
public final class MalformedRecordException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean recoverable;

    public MalformedRecordException(String message, boolean recoverable) {
        super(message);
        this.recoverable = recoverable;
    }

    /** Whether reading can go on after this record (false: the rest of the input cannot be trusted). */
    public boolean recoverable() {
        return recoverable;
    }
}
