package org.gatehouse.core.impl.schedule;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gatehouse.api.schedule.DatasetSchedule;
import org.gatehouse.api.schedule.MisfirePolicy;
import org.gatehouse.api.schedule.ScheduleForm;
import org.gatehouse.api.schedule.Timing;
import org.gatehouse.core.impl.notify.KnownDatasets;
import org.gatehouse.core.impl.store.GatewayStore;
import org.gatehouse.core.impl.store.StoreSettings;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The schedules service on a real (embedded H2) gateway store. */
public class ScheduleServiceTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private GatewayStore store;
    private ScheduleService schedules;
    private final List<String> changes = new ArrayList<>();

    @Before
    public void open() throws Exception {
        store = GatewayStore.open(new org.h2.Driver(), new StoreSettings("jdbc:h2:" + folder.getRoot() + "/store",
                "", "", 30, 100), Clock.systemUTC());
        schedules = new ScheduleService(store.schedules(), new KnownDatasets("sales", "stock"), store.recorder(),
                Clock.systemUTC());
        schedules.onChange(changes::add);
    }

    @After
    public void close() {
        store.close();
    }

    @Test
    public void aScheduleIsSetEnabledAndReplacedAndEveryChangeIsAnnounced() {
        Timing weekly = ScheduleForm.parse("--days mon-fri --times 08:00 --zone Europe/Paris").timing();
        DatasetSchedule set = schedules.set("sales", weekly, MisfirePolicy.SKIP);
        assertEquals(new DatasetSchedule("sales", weekly, MisfirePolicy.SKIP, true, 0), set);
        Timing cron = new Timing.Cron("0/2 * * * * ?", ZoneId.of("UTC"));
        schedules.set("sales", cron, MisfirePolicy.RUN_ONCE);
        schedules.set("stock", weekly, MisfirePolicy.SKIP);
        assertEquals(List.of("sales", "stock"), schedules.list().stream().map(DatasetSchedule::dataset).toList());
        assertEquals(cron, schedules.get("sales").orElseThrow().timing());
        assertTrue(schedules.clear("stock"));
        assertFalse(schedules.clear("stock"));
        assertEquals(List.of("sales", "sales", "stock", "stock"), changes);
    }

    @Test
    public void failuresAreCountedUntilASuccessAndEnablingStartsTheCountAgain() {
        schedules.set("sales", new Timing.Cron("0 0 * * * ?", ZoneId.of("UTC")), MisfirePolicy.SKIP);
        schedules.recordFailure("sales");
        assertEquals(2, schedules.recordFailure("sales").orElseThrow().consecutiveFailures());
        assertEquals(0, schedules.recordSuccess("sales").orElseThrow().consecutiveFailures());
        schedules.recordFailure("sales");
        DatasetSchedule disabled = schedules.setEnabled("sales", false);
        assertFalse(disabled.enabled());
        assertEquals("disabling keeps the count that led to it", 1, disabled.consecutiveFailures());
        DatasetSchedule enabled = schedules.setEnabled("sales", true);
        assertTrue(enabled.enabled());
        assertEquals(0, enabled.consecutiveFailures());
        assertEquals(Optional.empty(), schedules.recordFailure("stock"));
    }

    @Test
    public void refusals() {
        Timing hourly = new Timing.Cron("0 0 * * * ?", ZoneId.of("UTC"));
        assertRefused("no dataset named nope", () -> schedules.set("nope", hourly, MisfirePolicy.SKIP));
        assertRefused("is not valid", () -> schedules.set("sales", new Timing.Cron("0 61 * * * ?",
                ZoneId.of("UTC")), MisfirePolicy.SKIP));
        assertRefused("never fires again", () -> schedules.set("sales", new Timing.Cron("0 0 0 1 1 ? 2001",
                ZoneId.of("UTC")), MisfirePolicy.SKIP));
        assertRefused("has no schedule", () -> schedules.setEnabled("stock", true));
        assertEquals(List.of(), schedules.list());
        assertEquals(List.of(), changes);
    }

    @Test
    public void aSkippedSlotIsInTheHistory() throws Exception {
        schedules.recordSkipped("sales", "the refresh of 12:00:00 was still running");
        store.awaitWrites(java.time.Duration.ofSeconds(10));
        org.gatehouse.api.gateway.HistoryEntry entry = store.history().lastFinished("sales").orElseThrow();
        assertEquals(org.gatehouse.api.gateway.RefreshStatus.SKIPPED, entry.status());
        assertEquals("schedule", entry.trigger());
        assertEquals("SKIPPED: the refresh of 12:00:00 was still running", entry.reason());
        assertEquals(List.of(entry), store.history().recent("sales", true, 10));
    }

    @Test
    public void nextFireTimesAreTheTimingsInItsZone() {
        Timing timing = ScheduleForm.parse("--times 09:00 --zone Asia/Tokyo").timing();
        assertEquals(List.of(Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-06-02T00:00:00Z")),
                schedules.nextFireTimes(timing, Instant.parse("2026-05-31T12:00:00Z"), 2));
    }

    private static void assertRefused(String expected, org.junit.function.ThrowingRunnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage(), e.getMessage().contains(expected));
    }
}
