package org.gatehouse.bench.schedule;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Firing lag while recording is on: for every slot the scheduler fires, how late it fired (the scheduler records the
 * slot it fires: that moment minus the slot) and how late its refresh started (the refresh engine is asked: that
 * moment minus the slot).
 */
final class LagRecorder {

    private final Map<String, Instant> lastSlot = new ConcurrentHashMap<>();
    private final Samples fired = new Samples();
    private final Samples started = new Samples();
    private volatile boolean recording;

    void slotFired(String dataset, Instant slot) {
        lastSlot.put(dataset, slot);
        if (recording) {
            fired.add(Instant.now().toEpochMilli() - slot.toEpochMilli());
        }
    }

    void refreshStarted(String dataset) {
        Instant slot = lastSlot.get(dataset);
        if (recording && slot != null) {
            started.add(Instant.now().toEpochMilli() - slot.toEpochMilli());
        }
    }

    void record(boolean on) {
        recording = on;
    }

    Samples fired() {
        return fired;
    }

    Samples started() {
        return started;
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
