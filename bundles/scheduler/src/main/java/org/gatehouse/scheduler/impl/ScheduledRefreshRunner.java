package org.gatehouse.scheduler.impl;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

import org.gatehouse.api.gateway.ScheduleDisabled;
import org.gatehouse.api.refresh.FailureReason;
import org.gatehouse.api.refresh.RefreshException;
import org.gatehouse.api.refresh.RefreshOutcome;
import org.gatehouse.api.refresh.RefreshRequest;
import org.gatehouse.api.refresh.RefreshService;
import org.gatehouse.api.refresh.ResultDelivery;
import org.gatehouse.api.schedule.DatasetSchedule;
import org.gatehouse.api.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the refresh a schedule's slot asks for, on a pool of its own so a long refresh never holds up Quartz's
 * threads (and so the other slots' firing). A dataset never has two scheduled refreshes at once: a slot that fires
 * while the dataset's previous scheduled refresh still runs (or waits for a thread) is skipped and recorded in the
 * history as SKIPPED with the reason. After {@code disableAfterFailures} scheduled refreshes in a row fail (0: never),
 * the schedule is disabled and the owner told so (besides each failure, which the failure notifier announced);
 * gateway:schedule-enable turns it back on.
 * <p>
 * The result goes to the dataset's destination on the relay (its own, or the gateway's results queue), framed like
 * the answer to a refresh request. A slot that finds the dataset being refreshed by someone else (the engine refuses ALREADY_RUNNING) is
 * skipped too, and does not count as a failure.
 */
final class ScheduledRefreshRunner implements AutoCloseable {

    static final String TRIGGER = "schedule";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledRefreshRunner.class);

    private final Schedules schedules;
    private final RefreshService refreshes;
    private final ResultDelivery delivery;
    private final Function<String, Optional<String>> destinations;
    private final Consumer<ScheduleDisabled> disabledAnnouncer;
    private final ThreadPoolExecutor pool;
    private final int disableAfterFailures;
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final SlotBook slots;
    private final AtomicLong skipped = new AtomicLong();

    /**
     * @param delivery     where results go: the relay's result delivery
     * @param destinations a dataset's own destination address, if it names one
     * @param disabledAnnouncer tells the owner that a schedule was turned off after repeated failures
     */
    ScheduledRefreshRunner(Schedules schedules, RefreshService refreshes, ResultDelivery delivery,
                           Function<String, Optional<String>> destinations, Consumer<ScheduleDisabled> disabledAnnouncer,
                           int threads, int disableAfterFailures) {
        this.disabledAnnouncer = disabledAnnouncer;
        this.slots = new SlotBook(schedules);
        this.schedules = schedules;
        this.delivery = delivery;
        this.destinations = destinations;
        this.disableAfterFailures = disableAfterFailures;
        this.refreshes = refreshes;
        AtomicInteger number = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "gatehouse-scheduled-refresh-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * A slot of the dataset's schedule fired (on a Quartz thread): accounts for it, returns at once. A slot already
     * accounted for does not run: a trigger kept in the job store over a restart may fire a slot late that the start
     * recorded as missed (and, with run-once, caught up).
     */
    void fire(String dataset, Instant slot) {
        if (!slots.fired(dataset, slot)) {
            LOG.debug("slot {} of {} was accounted for already: not run", slot, dataset);
            return;
        }
        fire(dataset);
    }

    SlotBook slots() {
        return slots;
    }

    /** Starts a scheduled refresh of the dataset unless one is running: returns at once. */
    void fire(String dataset) {
        if (!busy.add(dataset)) {
            skipped.incrementAndGet();
            LOG.warn("scheduled refresh of {} skipped: its previous scheduled refresh is still running", dataset);
            schedules.recordSkipped(dataset, "the previous scheduled refresh of " + dataset + " was still running");
            return;
        }
        try {
            pool.execute(() -> {
                try {
                    run(dataset);
                } finally {
                    busy.remove(dataset);
                }
            });
        } catch (RejectedExecutionException closing) {
            busy.remove(dataset);
        }
    }

    private void run(String dataset) {
        ResultDelivery relay = delivery;
        String address = destinations.apply(dataset).orElseGet(() -> relay.defaultAddress(dataset));
        ResultDelivery.Delivery result = relay.open(address, TRIGGER + "-" + dataset + "-" + UUID.randomUUID(),
                dataset);
        try {
            RefreshOutcome outcome = refreshes.refresh(new RefreshRequest(dataset, null, TRIGGER), result);
            result.finish(outcome.warnings());
            LOG.info("scheduled refresh of {}: {} rows in {} ms, delivered to {}", dataset, outcome.rows(),
                    outcome.elapsed().toMillis(), address);
            schedules.recordSuccess(dataset);
        } catch (IOException e) {
            LOG.error("scheduled refresh of {} ran, but its end could not be delivered to {}: {}", dataset, address,
                    e.getMessage());
        } catch (RefreshException e) {
            if (e.reason() == FailureReason.ALREADY_RUNNING) {
                skip(dataset, e.getMessage());
                return;
            }
            failDelivery(result, e, address);
            // the refresh engine has written the failure to the history, and the notifier announces it
            Optional<DatasetSchedule> now = schedules.recordFailure(dataset);
            if (disableAfterFailures > 0 && now.isPresent() && now.get().enabled()
                    && now.get().consecutiveFailures() >= disableAfterFailures) {
                schedules.setEnabled(dataset, false);
                LOG.error("the schedule of {} is disabled after {} consecutive failed refreshes (last: {}); "
                        + "gateway:schedule-enable {} turns it back on", dataset, now.get().consecutiveFailures(),
                        e.getMessage(), dataset);
                disabledAnnouncer.accept(new ScheduleDisabled(dataset, now.get().consecutiveFailures(),
                        e.getMessage(), Instant.now()));
            }
        } catch (RuntimeException e) {
            LOG.error("scheduled refresh of {} failed unexpectedly", dataset, e);
        }
    }

    private void skip(String dataset, String why) {
        skipped.incrementAndGet();
        LOG.warn("scheduled refresh of {} skipped: {}", dataset, why);
        schedules.recordSkipped(dataset, why);
    }

    /** Tells the destination's reader that this result failed, so it discards what it received. */
    private static void failDelivery(ResultDelivery.Delivery result, RefreshException failure, String address) {
        try {
            result.fail(failure.reason().name(), failure.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.warn("the failure of a scheduled refresh could not be delivered to {}: {}", address, e.getMessage());
        }
    }

    long skipped() {
        return skipped.get();
    }

    /** Stops taking slots; running refreshes go on until they end (the refresh engine cancels them if it stops). */
    @Override
    public void close() {
        pool.shutdown();
        slots.close();
    }
}
