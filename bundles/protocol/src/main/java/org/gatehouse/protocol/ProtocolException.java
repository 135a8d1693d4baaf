package org.gatehouse.protocol;

/** A message that breaks the protocol, with the error code to report for it. */
public class ProtocolException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;

    public ProtocolException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
