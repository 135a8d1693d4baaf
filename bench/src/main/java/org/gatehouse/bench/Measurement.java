package org.gatehouse.bench;

import java.time.Duration;

/**
 * One timed read of the table.
 *
 * @param rows      rows decoded
 * @param bytes     bytes that crossed the relay, or -1 where nothing did (the direct read)
 * @param elapsed   from opening the connection (or sending the request) to the last row consumed and verified
 * @param checksum  {@link RowChecksum} of the rows
 * @param peakHeap  the gateway's largest heap use sampled during the read, or null where no gateway took part
 * @param cpu       CPU time each process spent during the read, or null until {@link #withCpu} adds it
 */
record Measurement(long rows, long bytes, Duration elapsed, String checksum, HeapPeak peakHeap,
                   CpuClock.CpuTimes cpu) {

    Measurement withCpu(CpuClock.CpuTimes times) {
        return new Measurement(rows, bytes, elapsed, checksum, peakHeap, times);
    }

    double rowsPerSecond() {
        return rows / seconds();
    }

    double megabytesPerSecond() {
        return bytes < 0 ? 0 : bytes / Units.MB / seconds();
    }

    double seconds() {
        // a zero elapsed time cannot happen for a million rows, but must not divide by zero either
        return Math.max(elapsed.toNanos(), 1) / 1e9;
    }
}
