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
 * Real Quartz routes firing schedules kept by the real Schedules service on an embedded gateway store; the refresh
 * engine is a recording one. Waits are for events (with a generous limit), never timings.
 */
public class ScheduledRefreshesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Timing EVERY_SECOND = new Timing.Cron("* * * * * ?", ZoneId.of("UTC"));

    private static final SchedulerConfig CONFIG = new SchedulerConfig() {
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
    };

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private GatewayStore store;
    private Schedules schedules;
    private final RecordingRefreshes refreshes = new RecordingRefreshes();
    private final DefinedDatasets datasets = new DefinedDatasets("sales", "stock", "late");
    private final RecordingDelivery delivery = new RecordingDelivery();
    private ScheduledRefreshes scheduler;

    @Before
    public void start() throws Exception {
        store = GatewayStore.open(new org.h2.Driver(), new StoreSettings("jdbc:h2:" + folder.getRoot() + "/store",
                "", "", 30, 1000), Clock.systemUTC());
        schedules = new ScheduleService(store.schedules(), datasets,
                store.recorder());
    }

    @After
    public void stop() throws Exception {
        refreshes.hold.countDown();
        if (scheduler != null) {
            scheduler.deactivate();
        }
        store.close();
    }

    @Test
    public void schedulesSetBeforeTheStartAndAfterFireAndStopWhenCleared() throws Exception {
        schedules.set("sales", EVERY_SECOND, MisfirePolicy.SKIP);
        scheduler = new ScheduledRefreshes(schedules, refreshes, datasets, delivery, CONFIG);
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
        scheduler = new ScheduledRefreshes(schedules, refreshes, datasets, delivery, CONFIG);
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
        scheduler = new ScheduledRefreshes(schedules, refreshes, datasets, delivery, CONFIG);
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
        scheduler = new ScheduledRefreshes(schedules, refreshes, datasets, delivery, CONFIG);
        awaitTrue("disabled after failures", () -> !schedules.get("sales").orElseThrow().enabled());
        assertEquals(CONFIG.disableAfterFailures(),
                schedules.get("sales").orElseThrow().consecutiveFailures());
        // the route goes right after the schedule is saved disabled, on the thread that disabled it
        awaitTrue("the disabled schedule's route removed", () -> scheduler.routes().routeIds("sales").isEmpty());

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
        scheduler = new ScheduledRefreshes(schedules, refreshes, datasets, delivery, CONFIG);
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
        scheduler = new ScheduledRefreshes(schedules, refreshes, datasets, delivery, CONFIG);
        HistoryEntry missed = awaitStatus("sales", RefreshStatus.MISSED);
        assertTrue(missed.reason(), missed.reason().contains("2 slots") || missed.reason().contains("3 slots"));
        assertTrue(missed.reason(), missed.reason().endsWith("one catch-up refresh runs now (misfire run-once)"));
        awaitTrue("one catch-up refresh", () -> refreshes.count("sales") == 1);
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
