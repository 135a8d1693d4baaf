package org.gatehouse.api.refresh;

import java.io.IOException;

import org.gatehouse.api.Schema;

/**
 * Where a refresh streams its result: for each query of the dataset, in order, one table — its schema, its rows one
 * by one, then its end. The sink must not keep the row array: it is reused for the next row.
 * A sink that cannot deliver (the relay is gone) throws IOException, which stops the refresh.
 */
public interface ResultSink {

    void beginTable(String name, Schema schema) throws IOException;

    void row(Object[] values) throws IOException;

    void endTable(long rowCount) throws IOException;

    /** Bytes this sink has delivered so far (message bodies on the relay); 0 for a sink that delivers nowhere. */
    default long bytesDelivered() {
        return 0;
    }
}
