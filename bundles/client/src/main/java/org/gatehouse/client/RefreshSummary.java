package org.gatehouse.client;

import java.time.Duration;

/**
 * What a verified result amounted to.
 *
 * @param dataset   the dataset refreshed
 * @param tables    tables in the result (one per query run)
 * @param rows      rows in all tables
 * @param bodyBytes bytes of message bodies received: the encoded size of the result on the wire
 * @param elapsed   from sending the request to verifying the end of the result
 */
public record RefreshSummary(String dataset, int tables, long rows, long bodyBytes, Duration elapsed) {

    /** Rows per second over the whole exchange; 0 for an empty result. */
    public double rowsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : rows / seconds;
    }
}
