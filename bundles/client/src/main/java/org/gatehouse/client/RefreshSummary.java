package org.gatehouse.client;

import java.time.Duration;
import java.util.List;

/**
 * What a verified result amounted to.
 *
 * @param dataset   the dataset refreshed
 * @param tables    tables in the result (one per query run)
 * @param rows      rows in all tables
 * @param bodyBytes bytes of message bodies received: the encoded size of the result on the wire
 * @param elapsed   from sending the request to verifying the end of the result
 * @param warnings  what went wrong without failing the refresh (cells whose value was an error, delivered as null)
 */
public record RefreshSummary(String dataset, int tables, long rows, long bodyBytes, Duration elapsed,
                             List<String> warnings) {

    public RefreshSummary {
        warnings = List.copyOf(warnings);
    }

    public RefreshSummary(String dataset, int tables, long rows, long bodyBytes, Duration elapsed) {
        this(dataset, tables, rows, bodyBytes, elapsed, List.of());
    }

    /** Rows per second over the whole exchange; 0 for an empty result. */
    public double rowsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : rows / seconds;
    }
}
