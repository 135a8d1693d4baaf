package org.gatehouse.scheduler.impl;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.gatehouse.api.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last slot accounted for per dataset, kept in memory while the scheduler runs and written to the store about
 * once a second in one transaction, not once per fired slot: with thousands of schedules the store's single
 * connection would otherwise be the scheduler's bottleneck. A crash loses at most the last second of fired slots,
 * which the next start then records as missed (their refreshes are in the history all the same). The store never
 * goes backwards (a late write does not undo a later slot).
 */
final class SlotBook implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SlotBook.class);
    private static final long WRITE_EVERY_MILLIS = 1000;

    private final Schedules schedules;
    private final Map<String, Instant> accounted = new ConcurrentHashMap<>();
    private final Map<String, Instant> unwritten = new ConcurrentHashMap<>();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gatehouse-scheduler-slots");
        thread.setDaemon(true);
        return thread;
    });

    SlotBook(Schedules schedules) {
        this.schedules = schedules;
        writer.scheduleWithFixedDelay(this::write, WRITE_EVERY_MILLIS, WRITE_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * A slot fired: accounts for it unless it was already.
     *
     * @return false when the slot (or a later one) was accounted for already: it must not run again
     */
    boolean fired(String dataset, Instant slot) {
        boolean[] fresh = {false};
        accounted.compute(dataset, (name, last) -> {
            if (last != null && !slot.isAfter(last)) {
                return last;
            }
            fresh[0] = true;
            return slot;
        });
        if (fresh[0]) {
            unwritten.merge(dataset, slot, (a, b) -> a.isAfter(b) ? a : b);
        }
        return fresh[0];
    }

    /** Everything up to {@code until} is accounted for (the catch-up wrote it to the store itself). */
    void accountedUntil(String dataset, Instant until) {
        accounted.merge(dataset, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** The last slot accounted for: this run's, or the store's if later or if this run has none. */
    Optional<Instant> lastSlot(String dataset) {
        Optional<Instant> stored = schedules.lastSlot(dataset);
        Instant inMemory = accounted.get(dataset);
        if (inMemory == null) {
            return stored;
        }
        return Optional.of(stored.filter(s -> s.isAfter(inMemory)).orElse(inMemory));
    }

    /** Writes the slots fired since the last write, in one transaction; kept for the next write if it fails. */
    void write() {
        if (unwritten.isEmpty()) {
            return;
        }
        Map<String, Instant> batch = new HashMap<>(unwritten);
        try {
            schedules.recordSlots(batch);
            batch.forEach(unwritten::remove); // only if no later slot came meanwhile
        } catch (RuntimeException e) {
            LOG.warn("the fired slots of {} schedules could not be written to the store yet: {}", batch.size(),
                    e.getMessage());
        }
    }

    /** Stops the periodic writes and writes what is left. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        write();
    }
}
