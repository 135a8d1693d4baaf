package org.gatehouse.protocol;

/** The gateway answered with an error message instead of (the rest of) a result. */
public class RemoteErrorException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;

    public RemoteErrorException(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    /** The error code: a protocol code from {@link ErrorCode} or a refresh failure reason. */
    public String code() {
        return code;
    }
}
