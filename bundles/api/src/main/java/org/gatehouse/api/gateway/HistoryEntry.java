package org.gatehouse.api.gateway;

import java.time.Duration;
import java.time.Instant;

/**
 * One refresh in the gateway's history.
 *
 * @param id       increasing with start time
 * @param dataset  the dataset refreshed
 * @param trigger  who or what asked: {@code relay}, {@code shell:<user>}, {@code schedule}...
 * @param started  when it started
 * @param ended    when it ended, null while running
 * @param rows     rows read so far or in total
 * @param bytes    bytes delivered to the relay, 0 when the result went nowhere (a shell test refresh)
 * @param status   how it ended
 * @param reason   why it failed (failure code and message, never a secret), else null
 */
public record HistoryEntry(long id, String dataset, String trigger, Instant started, Instant ended, long rows,
                           long bytes, RefreshStatus status, String reason) {

    /** Time taken, or taken so far while running. */
    public Duration duration() {
        return Duration.between(started, ended == null ? Instant.now() : ended);
    }
}
