package org.gatehouse.api;

import java.util.List;

/**
 * The rows of one query, read one at a time. A row source streams: it holds at most a bounded batch of rows (a JDBC
 * fetch, a buffer of a file) and never the whole result.
 * <p>
 * A row source is used by one thread, except {@link #cancel()}, which another thread may call to stop a running read.
 */
public interface RowSource extends AutoCloseable {

    Schema schema();

    /**
     * Reads the next row into {@code row} (length = number of columns), each value null or of its column type's
     * Java class. The array is the caller's and is reused for the next row.
     *
     * @return false when there are no more rows
     * @throws ConnectorException when reading fails part way
     */
    boolean next(Object[] row) throws ConnectorException;

    /**
     * What went wrong in this read without ending it, each a sentence for the refresh history: for instance cells
     * whose value failed and were delivered as null, as Excel loads a Power Query cell error as an empty cell. Asked
     * after the last row; none by default.
     */
    default List<String> warnings() {
        return List.of();
    }

    /** Asks a running read to stop as soon as it can; the reading thread then gets a CANCELLED exception. */
    default void cancel() {
    }

    /** Releases the source's connection, file or stream. Never throws. */
    @Override
    void close();
}
