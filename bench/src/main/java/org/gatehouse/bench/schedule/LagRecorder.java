package org.gatehouse.bench.schedule;

import java.util.Arrays;

/**
 * Firing lag while recording is on: for every refresh the scheduler starts, how long after its slot it started. The
 * slot is known from the schedule itself (the benchmark's schedule {@code ds-i} fires at second {@code i % 60} of
 * every minute, or at second 0 for the burst pattern), so nothing inside the scheduler is instrumented: the lag
 * covers Quartz noticing the slot, its job store, the Camel route and the hand-over to the refresh pool.
 */
final class LagRecorder {

    private final boolean burst;
    /** A refresh up to this long before a slot counts as early for that slot, not late for the one before. */
    private static final long EARLY_TOLERANCE_MILLIS = 5_000;
    private final Samples started = new Samples();
    private final java.util.concurrent.atomic.AtomicLong early = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean recording;

    LagRecorder(boolean burst) {
        this.burst = burst;
    }

    void refreshStarted(String dataset) {
        if (!recording) {
            return;
        }
        long now = System.currentTimeMillis();
        int second = burst ? 0 : Integer.parseInt(dataset.substring(BenchGateway.DATASET_PREFIX.length())) % 60;
        long minute = now - now % 60_000;
        long slot = minute + second * 1000L;
        if (slot > now + EARLY_TOLERANCE_MILLIS) {
            slot -= 60_000; // the slot of the previous minute
        }
        if (slot > now) {
            early.incrementAndGet(); // a refresh that started before its slot: never expected
        }
        started.add(now - slot);
    }

    void record(boolean on) {
        recording = on;
    }

    Samples started() {
        return started;
    }

    long early() {
        return early.get();
    }

    /** Milliseconds, kept in a growing array (a few hundred thousand samples at most). */
    static final class Samples {
        private long[] values = new long[1 << 16];
        private int size;

        synchronized void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        synchronized int count() {
            return size;
        }

        /** The p-th percentile (0..100), nearest rank. */
        synchronized long percentile(double p) {
            if (size == 0) {
                return -1;
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * size);
            return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
        }

        synchronized long max() {
            return size == 0 ? -1 : Arrays.stream(values, 0, size).max().orElse(-1);
        }
    }
}
