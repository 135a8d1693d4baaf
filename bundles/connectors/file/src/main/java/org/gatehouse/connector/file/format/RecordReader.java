package org.gatehouse.connector.file.format;

import java.io.Closeable;
import java.io.IOException;

/**
 * Records of a file or response, one at a time, as field names and raw values. Values are null, String, Long,
 * BigDecimal, Double, Boolean or LocalDateTime (what the format itself can tell); {@link Typing} turns them into
 * column values. A reader holds one record at a time.
 */
public interface RecordReader extends Closeable {

    /**
     * Moves to the next record.
     *
     * @return false at the end
     * @throws MalformedRecordException when this record cannot be read; the reader can go on with the next one
     *         unless {@link MalformedRecordException#recoverable()} says otherwise
     * @throws IOException when the underlying file or stream fails
     */
    boolean next() throws IOException, MalformedRecordException;

    /**
     * The current record's field names. The same array instance is returned as long as the names do not change
     * (a CSV file's header), so callers can cache a mapping per instance.
     */
    String[] names();

    /** The current record's values, one per name; the array may be reused for the next record. */
    Object[] values();

    /**
     * The names known before the first record (a CSV header), so an input without records still has columns.
     * Readers whose names come with each record return an empty array.
     */
    default String[] knownNames() throws IOException, MalformedRecordException {
        return new String[0];
    }

    /** Where the current record is, for error messages: "orders.csv line 12". */
    String location();

    @Override
    void close() throws IOException;
}
