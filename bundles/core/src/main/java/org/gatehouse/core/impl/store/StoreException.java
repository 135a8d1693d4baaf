package org.gatehouse.core.impl.store;

/** The gateway store cannot be opened as it is. The message names the store and says what the owner can do. */
public class StoreException extends Exception {

    private static final long serialVersionUID = 1L;

    StoreException(String message) {
        super(message);
    }

    StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
