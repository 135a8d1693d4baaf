package org.gatehouse.api.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The datasets' refresh schedules, kept in the gateway store (so they survive restarts); offered while the store is
 * open. Refused operations throw IllegalArgumentException with a one-line reason fit for the shell;
 * IllegalStateException when the store cannot be used.
 */
@ProviderType
public interface Schedules {

    /**
     * Sets (or replaces) a dataset's schedule, enabled, with no failures counted; refused for a dataset that is not
     * defined or a cron expression Quartz does not take.
     */
    DatasetSchedule set(String dataset, Timing timing, MisfirePolicy misfire);

    /** @return whether the dataset had a schedule */
    boolean clear(String dataset);

    Optional<DatasetSchedule> get(String dataset);

    /** Every schedule, by dataset name. */
    List<DatasetSchedule> list();

    /** Turns a schedule on (clearing its failure count) or off; refused when the dataset has none. */
    DatasetSchedule setEnabled(String dataset, boolean enabled);

    /** Counts a failed scheduled refresh; @return the schedule as it is now (absent if it was cleared meanwhile). */
    Optional<DatasetSchedule> recordFailure(String dataset);

    /** A scheduled refresh succeeded: the failure count starts again from 0. */
    Optional<DatasetSchedule> recordSuccess(String dataset);

    /**
     * Records in the refresh history, as {@code SKIPPED} with the reason, a slot of the dataset's schedule that did
     * not run. Never throws: a history the store cannot take loses the entry and says so in the log.
     */
    void recordSkipped(String dataset, String reason);

    /**
     * Records in the refresh history, as one {@code MISSED} entry starting at the first of them, the slots of the
     * dataset's schedule that passed unfired (the gateway was not running, or its scheduler could not fire them in
     * time). Never throws, like {@link #recordSkipped}.
     *
     * @param note how they were missed and what happens about it, continuing the reason after "the slot of ... passed"
     *             (e.g. "while the gateway's scheduler was not running; one catch-up refresh runs now"), or null
     */
    void recordMissed(String dataset, Instant firstSlot, Instant lastSlot, long slots, String note);

    /**
     * The last slot accounted for: fired, recorded as missed, or the moment the schedule was set or enabled. Slots
     * after it that have passed were missed.
     */
    Optional<Instant> lastSlot(String dataset);

    /** Accounts for a slot (the scheduler calls it for each slot it fires or records as missed). */
    void recordSlot(String dataset, Instant slot);

    /**
     * Accounts for the latest slot of several datasets at once, in one write (the scheduler collects fired slots and
     * writes them about once a second). Unlike {@link #recordSlot}, never moves a dataset's last slot back. Since 1.1.
     */
    void recordSlots(Map<String, Instant> slots);

    /** The next {@code count} fire times strictly after {@code after}, earliest first, in the timing's zone. */
    List<Instant> nextFireTimes(Timing timing, Instant after, int count);

    /**
     * Calls {@code listener} with a dataset's name after its schedule was set, cleared, enabled or disabled (read the
     * schedule again to see how it is now). Called on the changing thread; the listener must return quickly.
     *
     * @return stops the calls
     */
    AutoCloseable onChange(Consumer<String> listener);
}
