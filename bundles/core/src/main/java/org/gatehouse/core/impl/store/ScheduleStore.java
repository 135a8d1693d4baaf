package org.gatehouse.core.impl.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gatehouse.api.schedule.DatasetSchedule;

/**
 * The datasets' refresh schedules as the gateway store keeps them (one row per scheduled dataset). Offered as a
 * service while the store is open; reads and writes throw IllegalStateException when the store cannot be used. The
 * caller has checked what it stores (a defined dataset, a cron expression Quartz takes).
 */
public interface ScheduleStore {

    List<DatasetSchedule> schedules();

    Optional<DatasetSchedule> schedule(String dataset);

    /** Inserts or replaces the dataset's schedule. */
    void save(DatasetSchedule schedule);

    /** @return whether there was one */
    boolean remove(String dataset);

    /** Adds one to the failure count (atomically); @return the schedule now, absent if there is none. */
    Optional<DatasetSchedule> addFailure(String dataset);

    /**
     * The last slot the scheduler accounted for (fired, or recorded as missed); when a schedule is set or enabled,
     * that moment. Slots after it that passed while no scheduler ran were missed. Kept when the schedule is saved.
     */
    Optional<Instant> lastSlot(String dataset);

    void recordSlot(String dataset, Instant slot);

    /** Several datasets' last slots in one transaction. */
    void recordSlots(Map<String, Instant> slots);

    int MAX_DATASET = ScheduleTables.MAX_DATASET;
    int MAX_CRON = ScheduleTables.MAX_CRON;
}
