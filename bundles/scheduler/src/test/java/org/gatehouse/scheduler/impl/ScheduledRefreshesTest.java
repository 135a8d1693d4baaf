package org.gatehouse.scheduler.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

import org.gatehouse.api.gateway.HistoryEntry;
import org.gatehouse.api.gateway.RefreshStatus;
import org.gatehouse.api.gateway.ScheduleDisabled;
import org.gatehouse.api.schedule.MisfirePolicy;
import org.gatehouse.api.schedule.ScheduleForm;
import org.gatehouse.api.schedule.Schedules;
import org.gatehouse.api.schedule.Timing;
import org.gatehouse.core.impl.schedule.ScheduleService;
import org.gatehouse.core.impl.store.GatewayStore;
import org.gatehouse.core.impl.store.StoreSettings;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Real Quartz routes firing schedules kept by the real Schedules service, with Quartz's JDBC job store, on an embedded
 * gateway store (PostgresScheduledRefreshesTest: the same on PostgreSQL, clustered); the refresh engine is a recording
 * one. Waits are for events (with a generous limit), never timings.
 */
public class ScheduledRefreshesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Timing EVERY_SECOND = new Timing.Cron("* * * * * ?", ZoneId.of("UTC"));

    private final SchedulerConfig config = new SchedulerConfig() {
        @Override
        public Class<? extends java.lang.annotation.Annotation> annotationType() {
            return SchedulerConfig.class;
        }

        @Override
        public int maxConcurrentRefreshes() {
            return 2;
        }

        @Override
        public int disableAfterFailures() {
            return 3;
        }

        @Override
        public boolean clustered() {
            return clusteredJobStore();
        }
    };

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private GatewayStore store;
    private Schedules schedules;
    private final RecordingRefreshes refreshes = new RecordingRefreshes();
    private final DefinedDatasets datasets = new DefinedDatasets("sales", "stock", "late");
    private final RecordingDelivery delivery = new RecordingDelivery();
    private final RecordingNotifications notifications = new RecordingNotifications();
    private ScheduledRefreshes scheduler;

    /** The store the schedules and Quartz's job store are kept in: an embedded H2 file here. */
    protected GatewayStore openStore() throws Exception {
        return GatewayStore.open(new org.h2.Driver(), new StoreSettings("jdbc:h2:" + folder.getRoot() + "/store",
                "", "", 30, 1000), Clock.systemUTC());
    }

    protected boolean clusteredJobStore() {
        return false;
    }

    @Before
    public void start() throws Exception {
        store = openStore();
        schedules = new ScheduleService(store.schedules(), datasets,
                store.recorder());
    }

    @After
    public void stop() throws Exception {
        refreshes.hold.countDown();
        if (scheduler != null) {
            scheduler.deactivate();
        }
        if (store != null) {
            store.close();
        }
    }

    private ScheduledRefreshes startScheduler() throws Exception {
        ScheduledRefreshes started = new ScheduledRefreshes(schedules, refreshes, datasets, delivery,
                store.dataSource(), config);
        started.setNotifications(notifications.service());
        return started;
    }

    @Test
    public void schedulesSetBeforeTheStartAndAfterFireAndStopWhenCleared() throws Exception {
        schedules.set("sales", EVERY_SECOND, MisfirePolicy.SKIP);
        scheduler = startScheduler();
        awaitTrue("two scheduled refreshes of sales", () -> refreshes.count("sales") >= 2);
        assertTrue(refreshes.requests.stream().allMatch(r -> r.trigger().equals("schedule") && r.query().isEmpty()));
        awaitTrue("results delivered", () -> delivery.finished("sales") >= 2);
        assertTrue("to the gateway's results queue", delivery.delivered.stream()
                .allMatch(d -> d.address().equals("gatehouse.test.results")));

        schedules.set("late", EVERY_SECOND, MisfirePolicy.SKIP);
        awaitTrue("a refresh of the dataset scheduled while running", () -> refreshes.count("late") >= 1);
        assertEquals(List.of("schedule-late"), scheduler.routes().routeIds("late"));

        schedules.clear("sales");
        assertEquals(List.of(), scheduler.routes().routeIds("sales"));
        schedules.setEnabled("late", false);
        assertEquals(List.of(), scheduler.routes().routeIds("late"));
        schedules.setEnabled("late", true);
        assertEquals(List.of("schedule-late"), scheduler.routes().routeIds("late"));
    }

    @Test
    public void aWeeklyScheduleWithTimesAtDifferentMinutesHasARoutePerMinute() throws Exception {
        scheduler = startScheduler();
        schedules.set("stock", ScheduleForm.parse("--days mon-fri --times 08:00,12:30,17:00 --zone Europe/Paris")
                .timing(), MisfirePolicy.SKIP);
        assertEquals(List.of("schedule-stock", "schedule-stock#2"), scheduler.routes().routeIds("stock"));
        schedules.set("stock", ScheduleForm.parse("--times 09:15 --zone UTC").timing(), MisfirePolicy.SKIP);
        assertEquals(List.of("schedule-stock"), scheduler.routes().routeIds("stock"));
    }

    @Test
    public void aSlotThatFiresWhileTheDatasetsRefreshRunsIsSkippedAndRecorded() throws Exception {
        refreshes.hold = new CountDownLatch(1);
        schedules.set("sales", EVERY_SECOND, MisfirePolicy.SKIP);
        scheduler = startScheduler();
        awaitTrue("a slot skipped while the first refresh is held", () -> skipped("sales") >= 1);
        assertEquals("the held refresh is the only one started", 1, refreshes.count("sales"));
        HistoryEntry entry = store.history().recent("sales", true, 10).get(0);
        assertEquals(RefreshStatus.SKIPPED, entry.status());
        assertEquals("schedule", entry.trigger());
        assertTrue(entry.reason(), entry.reason().contains("still running"));

        refreshes.hold.countDown();
        awaitTrue("refreshes go on once it ends", () -> refreshes.count("sales") >= 2);
    }

    @Test
    public void consecutiveFailuresDisableTheScheduleAndASuccessResetsTheCount() throws Exception {
        refreshes.failing = true;
        schedules.set("sales", EVERY_SECOND, MisfirePolicy.SKIP);
        scheduler = startScheduler();
        awaitTrue("disabled after failures", () -> !schedules.get("sales").orElseThrow().enabled());
        assertEquals(config.disableAfterFailures(),
                schedules.get("sales").orElseThrow().consecutiveFailures());
        // the route goes right after the schedule is saved disabled, on the thread that disabled it
        awaitTrue("the disabled schedule's route removed", () -> scheduler.routes().routeIds("sales").isEmpty());
        awaitTrue("the owner is told", () -> !notifications.disabled.isEmpty());
        assertEquals("once", 1, notifications.disabled.size());
        ScheduleDisabled announced = notifications.disabled.get(0);
        assertEquals("sales", announced.dataset());
        assertEquals(config.disableAfterFailures(), announced.consecutiveFailures());
        assertEquals(RecordingRefreshes.FAILURE, announced.lastFailure());

        refreshes.failing = false;
        schedules.setEnabled("sales", true);
        long before = refreshes.count("sales");
        awaitTrue("fires again once enabled", () -> refreshes.count("sales") > before);
        assertFalse(schedules.get("sales").orElseThrow().consecutiveFailures() > 0
                && refreshes.count("sales") > before + 1);
    }

    @Test
    public void slotsThatPassedWhileNoSchedulerRanAreRecordedMissedAndSkipped() throws Exception {
        schedules.set("sales", EVERY_SECOND, MisfirePolicy.SKIP);
        Instant down = Instant.now().minusSeconds(30);
        schedules.recordSlot("sales", down);
        scheduler = startScheduler();
        HistoryEntry missed = awaitStatus("sales", RefreshStatus.MISSED);
        assertEquals("schedule", missed.trigger());
        assertEquals("the entry starts at the first missed slot", down.plusSeconds(1).getEpochSecond(),
                missed.started().getEpochSecond());
        assertTrue(missed.reason(), missed.reason().matches("MISSED: \\d+ slots from .* passed while the gateway's "
                + "scheduler was not running; skipped \\(misfire skip\\)"));
        assertTrue("the schedule goes on", schedules.lastSlot("sales").orElseThrow().isAfter(down));
    }

    @Test
    public void withRunOnceOneCatchUpRefreshRunsAtStart() throws Exception {
        // a schedule that is not due for a long time: any refresh at start is the catch-up
        Timing yearly = new Timing.Cron("0 0 0 1 1 ?", ZoneId.of("UTC"));
        schedules.set("sales", yearly, MisfirePolicy.RUN_ONCE);
        schedules.recordSlot("sales", Instant.now().minus(Duration.ofDays(800)));
        scheduler = startScheduler();
        HistoryEntry missed = awaitStatus("sales", RefreshStatus.MISSED);
        assertTrue(missed.reason(), missed.reason().contains("2 slots") || missed.reason().contains("3 slots"));
        assertTrue(missed.reason(), missed.reason().endsWith("one catch-up refresh runs now (misfire run-once)"));
        awaitTrue("one catch-up refresh", () -> refreshes.count("sales") == 1);
    }

    @Test
    public void triggersAreKeptInTheStoreOverARestartAndGoWithTheirSchedule() throws Exception {
        schedules.set("sales", EVERY_SECOND, MisfirePolicy.SKIP);
        schedules.set("stock", ScheduleForm.parse("--days mon-fri --times 08:00,12:30 --zone Europe/Paris").timing(),
                MisfirePolicy.SKIP);
        scheduler = startScheduler();
        awaitTrue("a scheduled refresh", () -> refreshes.count("sales") >= 1);
        assertEquals(List.of("sales-1", "stock-1", "stock-2"), JobStoreRows.triggers(store.dataSource()));

        scheduler.deactivate();
        scheduler = null;
        assertEquals("the triggers outlive the scheduler", List.of("sales-1", "stock-1", "stock-2"),
                JobStoreRows.triggers(store.dataSource()));
        Instant stoppedAfter = schedules.lastSlot("sales").orElseThrow();
        awaitTrue("slots pass while stopped", () -> Instant.now().isAfter(stoppedAfter.plusSeconds(3)));

        scheduler = startScheduler();
        HistoryEntry missed = awaitStatus("sales", RefreshStatus.MISSED);
        assertTrue(missed.reason(), missed.reason().endsWith("while the gateway's scheduler was not running; "
                + "skipped (misfire skip)"));
        long before = refreshes.count("sales");
        awaitTrue("fires again after the restart", () -> refreshes.count("sales") > before);

        schedules.clear("sales");
        schedules.set("stock", ScheduleForm.parse("--times 09:15 --zone UTC").timing(), MisfirePolicy.SKIP);
        assertEquals("cleared: its trigger is gone; changed: only its new one is left", List.of("stock-1"),
                JobStoreRows.triggers(store.dataSource()));
    }

    @Test
    public void triggersOfSchedulesThatNoLongerExistAreRemovedAtStart() throws Exception {
        schedules.set("sales", EVERY_SECOND, MisfirePolicy.SKIP);
        scheduler = startScheduler();
        scheduler.deactivate();
        scheduler = null;
        // cleared while no scheduler listened (another gateway of a cluster, or a restored store)
        schedules.clear("sales");
        scheduler = startScheduler();
        assertEquals(List.of(), JobStoreRows.triggers(store.dataSource()));
    }

    @Test
    public void aSlotAlreadyAccountedForIsNotRunAgain() throws Exception {
        schedules.set("sales", new Timing.Cron("0 0 0 1 1 ?", ZoneId.of("UTC")), MisfirePolicy.SKIP);
        scheduler = startScheduler();
        Instant accounted = schedules.lastSlot("sales").orElseThrow();
        scheduler.runner().fire("sales", accounted.minusSeconds(5));
        scheduler.runner().fire("sales", accounted.plusSeconds(1));
        awaitTrue("the later slot runs", () -> refreshes.count("sales") == 1);
        scheduler.deactivate();
        scheduler = null;
        assertEquals("the earlier slot never ran", 1, refreshes.count("sales"));
    }

    private HistoryEntry awaitStatus(String dataset, RefreshStatus status) throws Exception {
        awaitTrue(status + " in the history of " + dataset, () -> {
            try {
                store.awaitWrites(Duration.ofSeconds(10));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return store.history().recent(dataset, true, 100).stream().anyMatch(e -> e.status() == status);
        });
        return store.history().recent(dataset, true, 100).stream().filter(e -> e.status() == status).findFirst()
                .orElseThrow();
    }

    private long skipped(String dataset) {
        try {
            store.awaitWrites(Duration.ofSeconds(10));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return store.history().recent(dataset, true, 100).stream()
                .filter(e -> e.status() == RefreshStatus.SKIPPED).count();
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not seen within " + PATIENCE + ": " + what);
            }
            Thread.sleep(50);
        }
    }
}
