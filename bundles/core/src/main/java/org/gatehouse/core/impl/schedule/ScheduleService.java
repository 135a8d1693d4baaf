package org.gatehouse.core.impl.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.gatehouse.api.gateway.GatewayDefinitions;
import org.gatehouse.api.gateway.RefreshStatus;
import org.gatehouse.api.schedule.DatasetSchedule;
import org.gatehouse.api.schedule.MisfirePolicy;
import org.gatehouse.api.schedule.Schedules;
import org.gatehouse.api.schedule.Timing;
import org.gatehouse.core.impl.store.HistoryRecorder;
import org.gatehouse.core.impl.store.ScheduleStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The datasets' schedules: checked here (a defined dataset, a cron expression Quartz takes), kept in the gateway
 * store, and announced to the listeners (the scheduler) after every change. Exists while the store is open.
 */
@Component(service = Schedules.class)
public class ScheduleService implements Schedules {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleService.class);
    private static final int MAX_FIRE_TIMES = 1000;
    /** What scheduled refreshes are requested by, in history. */
    static final String SCHEDULE_TRIGGER = "schedule";

    private final ScheduleStore store;
    private final GatewayDefinitions definitions;
    private final HistoryRecorder history;
    private final Clock clock;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    @Activate
    public ScheduleService(@Reference ScheduleStore store, @Reference GatewayDefinitions definitions,
                           @Reference HistoryRecorder history) {
        this(store, definitions, history, Clock.systemUTC());
    }

    ScheduleService(ScheduleStore store, GatewayDefinitions definitions, HistoryRecorder history, Clock clock) {
        this.store = store;
        this.definitions = definitions;
        this.history = history;
        this.clock = clock;
    }

    @Override
    public DatasetSchedule set(String dataset, Timing timing, MisfirePolicy misfire) {
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("a dataset name is required");
        }
        if (definitions.dataset(dataset).isEmpty()) {
            throw new IllegalArgumentException("no dataset named " + dataset + " (see gateway:dataset-list)");
        }
        if (timing instanceof Timing.Cron cron && cron.expression().length() > ScheduleStore.MAX_CRON) {
            throw new IllegalArgumentException("the cron expression is longer than " + ScheduleStore.MAX_CRON
                    + " characters");
        }
        if (FireTimes.of(timing).next(Instant.now(), 1).isEmpty()) {
            throw new IllegalArgumentException("the schedule never fires again (" + timing.describe() + ")");
        }
        DatasetSchedule schedule = new DatasetSchedule(dataset, timing, misfire, true, 0);
        store.save(schedule);
        // slots before it was set were never due
        store.recordSlot(dataset, clock.instant());
        changed(dataset);
        return schedule;
    }

    @Override
    public boolean clear(String dataset) {
        boolean removed = store.remove(dataset);
        if (removed) {
            changed(dataset);
        }
        return removed;
    }

    @Override
    public Optional<DatasetSchedule> get(String dataset) {
        return store.schedule(dataset);
    }

    @Override
    public List<DatasetSchedule> list() {
        return store.schedules();
    }

    @Override
    public DatasetSchedule setEnabled(String dataset, boolean enabled) {
        DatasetSchedule current = store.schedule(dataset).orElseThrow(() -> new IllegalArgumentException(
                "dataset " + dataset + " has no schedule (see gateway:schedule-set)"));
        DatasetSchedule changed = new DatasetSchedule(dataset, current.timing(), current.misfire(), enabled,
                enabled ? 0 : current.consecutiveFailures());
        store.save(changed);
        if (enabled) {
            // slots while it was disabled were not missed: they were not wanted
            store.recordSlot(dataset, clock.instant());
        }
        changed(dataset);
        return changed;
    }

    @Override
    public Optional<DatasetSchedule> recordFailure(String dataset) {
        return store.addFailure(dataset);
    }

    @Override
    public Optional<DatasetSchedule> recordSuccess(String dataset) {
        Optional<DatasetSchedule> current = store.schedule(dataset);
        if (current.isEmpty() || current.get().consecutiveFailures() == 0) {
            return current;
        }
        DatasetSchedule reset = new DatasetSchedule(dataset, current.get().timing(), current.get().misfire(),
                current.get().enabled(), 0);
        store.save(reset);
        return Optional.of(reset);
    }

    @Override
    public void recordSkipped(String dataset, String reason) {
        Instant now = clock.instant();
        history.started(dataset, SCHEDULE_TRIGGER, now).ended(now, RefreshStatus.SKIPPED, 0, 0, "SKIPPED: " + reason);
    }

    @Override
    public void recordMissed(String dataset, Instant firstSlot, Instant lastSlot, long slots, String note) {
        String what = slots == 1 ? "the slot of " + firstSlot + " passed"
                : slots + " slots from " + firstSlot + " to " + lastSlot + " passed";
        history.started(dataset, SCHEDULE_TRIGGER, firstSlot).ended(clock.instant(), RefreshStatus.MISSED, 0, 0,
                "MISSED: " + what + " " + (note == null ? "unfired" : note));
    }

    @Override
    public Optional<Instant> lastSlot(String dataset) {
        return store.lastSlot(dataset);
    }

    @Override
    public void recordSlot(String dataset, Instant slot) {
        store.recordSlot(dataset, slot);
    }

    @Override
    public void recordSlots(Map<String, Instant> slots) {
        store.recordSlots(slots);
    }

    @Override
    public List<Instant> nextFireTimes(Timing timing, Instant after, int count) {
        if (count < 0 || count > MAX_FIRE_TIMES) {
            throw new IllegalArgumentException("ask for 0 to " + MAX_FIRE_TIMES + " fire times");
        }
        return FireTimes.of(timing).next(after, count);
    }

    @Override
    public AutoCloseable onChange(Consumer<String> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void changed(String dataset) {
        for (Consumer<String> listener : listeners) {
            try {
                listener.accept(dataset);
            } catch (RuntimeException e) {
                LOG.warn("a listener to schedule changes failed on the schedule of {}", dataset, e);
            }
        }
    }
}
