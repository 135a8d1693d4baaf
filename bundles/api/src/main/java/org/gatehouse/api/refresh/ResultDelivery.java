package org.gatehouse.api.refresh;

import java.io.IOException;

/**
 * Sends results to addresses on the relay, framed exactly like the answer to a refresh request (docs/protocol.md), for
 * results nobody is waiting on a reply queue for: a scheduled refresh's. Offered by the relay link while it runs.
 */
public interface ResultDelivery {

    /** Where a dataset's results go when its definition names no address of its own. */
    String defaultAddress(String dataset);

    /**
     * Starts a result for {@code address}; every message carries {@code correlationId} and the dataset's name. End it
     * with {@link Delivery#finish()} or {@link Delivery#fail}.
     */
    Delivery open(String address, String correlationId, String dataset);

    /** A result on its way: the refresh writes tables and rows into it, then it is finished or failed. */
    interface Delivery extends ResultSink {

        /** Sends the end message: the result is complete. */
        void finish() throws IOException;

        /**
         * Sends the end message with what went wrong without failing the refresh ({@link RefreshOutcome#warnings()}),
         * for the receiver to show. Without warnings it is {@link #finish()}.
         */
        default void finish(java.util.List<String> warnings) throws IOException {
            finish();
        }

        /** Sends an error message instead of an end: the receiver discards what it got. */
        void fail(String code, String message) throws IOException;
    }
}
