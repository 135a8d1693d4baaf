package org.gatehouse.connector.sql.impl;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.RowSource;

/**
 * Reads a row source of (id, label) rows to its end, keeping only running totals: proof that every row arrived,
 * in order, without the test holding the result either.
 */
record RowTally(long rows, long idSum, long labelChecksum) {

    static RowTally of(RowSource source) throws ConnectorException {
        Object[] row = new Object[source.schema().size()];
        long rows = 0;
        long idSum = 0;
        CRC32 labels = new CRC32();
        while (source.next(row)) {
            rows++;
            idSum += ((Number) row[0]).longValue();
            labels.update(((String) row[1]).getBytes(StandardCharsets.UTF_8));
        }
        return new RowTally(rows, idSum, labels.getValue());
    }

    /** The checksum of labels prefix + 1, prefix + 2, ... prefix + count, as the database made them. */
    static long expectedLabelChecksum(String prefix, int count) {
        CRC32 labels = new CRC32();
        for (int id = 1; id <= count; id++) {
            labels.update((prefix + id).getBytes(StandardCharsets.UTF_8));
        }
        return labels.getValue();
    }
}
