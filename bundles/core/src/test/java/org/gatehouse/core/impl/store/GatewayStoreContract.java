package org.gatehouse.core.impl.store;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gatehouse.api.gateway.DatasetInfo;
import org.gatehouse.api.gateway.HistoryEntry;
import org.gatehouse.api.gateway.NotificationSettings;
import org.gatehouse.api.gateway.SmtpSecurity;
import org.gatehouse.api.gateway.RefreshStatus;
import org.gatehouse.api.schedule.DatasetSchedule;
import org.gatehouse.api.schedule.MisfirePolicy;
import org.gatehouse.api.schedule.ScheduleForm;
import org.gatehouse.api.schedule.Timing;
import org.junit.After;
import org.junit.Test;

/**
 * What the store must do on every database it runs on. Subclasses give a fresh, empty store location per test.
 */
public abstract class GatewayStoreContract {

    private static final Duration WRITES = Duration.ofSeconds(10);

    protected final MovableClock clock = new MovableClock();
    private final List<GatewayStore> opened = new ArrayList<>();

    protected abstract Driver driver();

    /** A fresh, empty store location for this test (the same one for every call within a test). */
    protected abstract String url();

    protected abstract String user();

    protected abstract String password();

    protected StoreSettings settings(int retentionDays, int maxEntriesPerDataset) {
        return new StoreSettings(url(), user(), password(), retentionDays, maxEntriesPerDataset);
    }

    @After
    public void closeStores() {
        opened.forEach(GatewayStore::close);
    }

    protected GatewayStore open() throws StoreException {
        return open(settings(60, 1000), StoreSchema.MIGRATIONS);
    }

    protected GatewayStore open(StoreSettings settings, List<Migration> migrations) throws StoreException {
        GatewayStore store = GatewayStore.open(driver(), settings, clock, migrations);
        opened.add(store);
        return store;
    }

    protected void close(GatewayStore store) {
        opened.remove(store);
        store.close();
    }

    @Test
    public void definitionsAreStoredWithTheirSettingsAndQueriesInOrder() throws Exception {
        GatewayStore store = open();
        DefinitionStore.StoredDataSource source = new DefinitionStore.StoredDataSource("sales", "sql",
                Map.of("url", "jdbc:postgresql://db/sales?ssl=true", "fetchSize", "10"));
        String longQuery = "SELECT " + "amount, ".repeat(20_000) + "1 FROM \"Sales\" -- quoted";
        DatasetInfo dataset = new DatasetInfo("report", List.of(new DatasetInfo.QueryInfo("zeta", "sales", longQuery),
                new DatasetInfo.QueryInfo("alpha", "sales", "SELECT 2")), "gatehouse.local.report-results");
        store.definitions().addDataSource(source);
        store.definitions().addDataSource(new DefinitionStore.StoredDataSource("bare", "file", Map.of()));
        store.definitions().addDataset(dataset);
        close(store);

        GatewayStore reopened = open();
        DefinitionStore definitions = reopened.definitions();
        assertEquals(List.of(new DefinitionStore.StoredDataSource("bare", "file", Map.of()), source),
                definitions.dataSources());
        assertEquals("queries keep their order, long texts whole", List.of(dataset), definitions.datasets());
        assertTrue(definitions.removeDataset("report"));
        assertFalse(definitions.removeDataset("report"));
        assertTrue(definitions.removeDataSource("sales"));
        assertEquals(List.of("bare"), definitions.dataSources().stream()
                .map(DefinitionStore.StoredDataSource::id).toList());
        assertTrue(definitions.datasets().isEmpty());
        close(reopened);
    }

    @Test
    public void anEmptyStoreIsMigratedToTheLatestVersion() throws Exception {
        GatewayStore store = open();
        assertEquals(schema(), appliedMigrations());
        assertEquals(List.of(), store.history().recent(null, false, 10));
    }

    @Test
    public void reopeningAppliesNothingAgainAndKeepsTheHistory() throws Exception {
        GatewayStore store = open();
        record(store, "sales", RefreshStatus.SUCCEEDED, 10, 100, null);
        close(store);

        GatewayStore reopened = open();
        assertEquals(schema(), appliedMigrations());
        HistoryEntry entry = only(reopened.history().recent(null, false, 10));
        assertEquals("sales", entry.dataset());
        assertEquals(RefreshStatus.SUCCEEDED, entry.status());
    }

    @Test
    public void anOlderStoreIsUpgradedOnlyByTheMigrationsItLacks() throws Exception {
        GatewayStore store = open(settings(60, 1000), StoreSchema.MIGRATIONS);
        record(store, "sales", RefreshStatus.SUCCEEDED, 10, 100, null);
        close(store);

        GatewayStore upgraded = open(settings(60, 1000), withSecondMigration(
                "CREATE TABLE IF NOT EXISTS test_notes (id INTEGER PRIMARY KEY, note VARCHAR(20))"));
        assertEquals(schemaAndTestStep(), appliedMigrations());
        assertEquals(0, count("SELECT COUNT(*) FROM test_notes"));
        assertEquals(1, upgraded.history().recent(null, false, 10).size());
    }

    @Test
    public void aFailingMigrationIsNotRecordedAndTheStoreStaysUsable() throws Exception {
        close(open());
        try {
            open(settings(60, 1000), withSecondMigration("CREATE TABLE broken ("));
            fail("a migration with broken SQL must fail the store's start");
        } catch (StoreException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("cannot be opened"));
        }
        assertEquals(schema(), appliedMigrations());
        GatewayStore store = open();
        record(store, "sales", RefreshStatus.SUCCEEDED, 1, 1, null);
        assertEquals(1, store.history().recent(null, false, 10).size());
    }

    @Test
    public void aStoreWrittenByANewerGatehouseIsRefusedAndLeftAsItIs() throws Exception {
        close(open(settings(60, 1000), withSecondMigration(
                "CREATE TABLE IF NOT EXISTS test_notes (id INTEGER PRIMARY KEY)")));
        try {
            open();
            fail("a store at a newer schema version must be refused");
        } catch (StoreException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("schema version " + TEST_STEP));
            assertTrue(e.getMessage(), e.getMessage().contains("versions up to " + StoreSchema.MIGRATIONS.size()));
            assertTrue(e.getMessage(), e.getMessage().contains("newer Gatehouse"));
        }
        assertEquals(schemaAndTestStep(), appliedMigrations());
    }

    @Test
    public void refreshesLeftRunningAreMarkedInterruptedAtTheNextStart() throws Exception {
        GatewayStore store = open();
        store.recorder().started("sales", "relay", clock.instant());
        store.awaitWrites(WRITES);
        assertEquals(RefreshStatus.RUNNING, only(store.history().recent(null, false, 10)).status());
        close(store);

        clock.moveBy(Duration.ofMinutes(5));
        HistoryEntry entry = only(open().history().recent(null, false, 10));
        assertEquals(RefreshStatus.INTERRUPTED, entry.status());
        assertEquals(clock.instant().toEpochMilli(), entry.ended().toEpochMilli());
        assertEquals(HistoryTable.INTERRUPTED_REASON, entry.reason());
    }

    @Test
    public void aRefreshIsRecordedWhenItStartsAndCompletedWhenItEnds() throws Exception {
        GatewayStore store = open();
        Instant started = clock.instant();
        HistoryRecorder.RecordedRefresh refresh = store.recorder().started("sales", "shell:alice", started);
        store.awaitWrites(WRITES);
        HistoryEntry running = only(store.history().recent("sales", false, 10));
        assertEquals(RefreshStatus.RUNNING, running.status());
        assertNull(running.ended());
        assertEquals("shell:alice", running.trigger());
        assertEquals(started.toEpochMilli(), running.started().toEpochMilli());
        assertTrue(store.history().lastFinished("sales").isEmpty());

        refresh.ended(started.plusSeconds(3), RefreshStatus.FAILED, 42, 4096, "QUERY_FAILED: no table x");
        store.awaitWrites(WRITES);
        HistoryEntry ended = only(store.history().recent("sales", false, 10));
        assertEquals(running.id(), ended.id());
        assertEquals(RefreshStatus.FAILED, ended.status());
        assertEquals(42, ended.rows());
        assertEquals(4096, ended.bytes());
        assertEquals("QUERY_FAILED: no table x", ended.reason());
        assertEquals(Duration.ofSeconds(3), ended.duration());
        assertEquals(ended, store.history().lastFinished("sales").orElseThrow());
    }

    @Test
    public void historyIsNewestFirstAndFiltersByDatasetAndFailure() throws Exception {
        GatewayStore store = open();
        record(store, "a", RefreshStatus.SUCCEEDED, 1, 10, null);
        record(store, "b", RefreshStatus.FAILED, 0, 0, "QUERY_FAILED: x");
        record(store, "a", RefreshStatus.CANCELLED, 5, 50, "CANCELLED: stop");
        record(store, "a", RefreshStatus.SUCCEEDED, 2, 20, null);
        store.recorder().started("a", "relay", clock.instant());
        store.awaitWrites(WRITES);

        assertEquals(List.of("a RUNNING", "a SUCCEEDED", "a CANCELLED", "b FAILED", "a SUCCEEDED"),
                describe(store.history().recent(null, false, 10)));
        assertEquals(List.of("a RUNNING", "a SUCCEEDED"), describe(store.history().recent("a", false, 2)));
        assertEquals(List.of("a CANCELLED", "b FAILED"), describe(store.history().recent(null, true, 10)));
        assertEquals(List.of("a CANCELLED"), describe(store.history().recent("a", true, 10)));
        assertEquals(List.of(), store.history().recent("a", false, 0));
        assertEquals(2, store.history().lastFinished("a").orElseThrow().rows());
        assertTrue(store.history().lastFinished("nothing").isEmpty());
    }

    @Test
    public void retentionRemovesOldEntriesAndKeepsTheNewestPerDataset() throws Exception {
        GatewayStore store = open(settings(30, 3), StoreSchema.MIGRATIONS);
        record(store, "a", RefreshStatus.SUCCEEDED, 1, 1, null);
        HistoryRecorder.RecordedRefresh oldButRunning = store.recorder().started("b", "relay", clock.instant());
        clock.moveBy(Duration.ofDays(31));
        for (int i = 0; i < 5; i++) {
            record(store, "a", RefreshStatus.SUCCEEDED, 100 + i, 1, null);
        }
        record(store, "b", RefreshStatus.FAILED, 0, 0, "QUERY_FAILED: x");

        assertEquals("one entry too old, two beyond the 3 newest of a", 3, store.applyRetention());
        assertEquals(List.of(104L, 103L, 102L), store.history().recent("a", false, 10).stream()
                .map(HistoryEntry::rows).toList());
        assertEquals("a running refresh is never removed, however old", List.of("b FAILED", "b RUNNING"),
                describe(store.history().recent("b", false, 10)));
        oldButRunning.ended(clock.instant(), RefreshStatus.SUCCEEDED, 0, 0, null);
        store.awaitWrites(WRITES);
        assertEquals("once it has ended, the old refresh goes too", 1, store.applyRetention());
    }

    @Test
    public void retentionIsAppliedWhenTheStoreOpens() throws Exception {
        GatewayStore store = open(settings(30, 1000), StoreSchema.MIGRATIONS);
        record(store, "a", RefreshStatus.SUCCEEDED, 1, 1, null);
        close(store);
        clock.moveBy(Duration.ofDays(31));
        assertEquals(List.of(), open(settings(30, 1000), StoreSchema.MIGRATIONS).history().recent(null, false, 10));
    }

    @Test
    public void overlongNamesAndReasonsAreCutToFit() throws Exception {
        GatewayStore store = open();
        String longName = "d".repeat(500);
        record(store, longName, RefreshStatus.FAILED, 0, 0, "QUERY_FAILED: " + "x".repeat(5000));
        HistoryEntry entry = only(store.history().recent(null, false, 10));
        assertEquals(HistoryTable.MAX_NAME, entry.dataset().length());
        assertTrue(entry.dataset().endsWith("..."));
        assertEquals(HistoryTable.MAX_REASON, entry.reason().length());
    }

    @Test
    public void aClosedStoreLosesEntriesWithoutThrowing() throws Exception {
        GatewayStore store = open();
        HistoryRecorder.RecordedRefresh refresh = store.recorder().started("a", "relay", clock.instant());
        close(store);
        store.recorder().started("b", "relay", clock.instant());
        refresh.ended(clock.instant(), RefreshStatus.SUCCEEDED, 1, 1, null);
        assertEquals("the start queued before close was written", List.of("a INTERRUPTED"),
                describe(open().history().recent(null, false, 10)));
    }

    @Test
    public void schedulesAreKeptAcrossARestartWithTheirTimingPolicyAndState() throws Exception {
        GatewayStore store = open();
        assertTrue(schema().contains("5 refresh schedules"));
        ScheduleStore schedules = store.schedules();
        assertEquals(List.of(), schedules.schedules());
        StringBuilder everyMinute = new StringBuilder();
        for (int minute = 0; minute < 24 * 60; minute++) {
            everyMinute.append(minute == 0 ? "" : ",").append(LocalTime.of(minute / 60, minute % 60));
        }
        DatasetSchedule weekly = new DatasetSchedule("sales", ScheduleForm.of("mon-fri,sun",
                everyMinute.toString(), null, "Europe/Paris", null).timing(), MisfirePolicy.SKIP, true, 0);
        DatasetSchedule cron = new DatasetSchedule("stock", new Timing.Cron("0 0/15 * * * ?",
                ZoneId.of("America/New_York")), MisfirePolicy.RUN_ONCE, false, 3);
        schedules.save(cron);
        schedules.save(weekly);
        assertEquals(List.of(weekly, cron), schedules.schedules());

        DatasetSchedule replaced = new DatasetSchedule("sales", ScheduleForm.parse("--days sat --times 06:00 "
                + "--zone UTC").timing(), MisfirePolicy.RUN_ONCE, true, 0);
        Instant slot = Instant.parse("2026-11-27T08:00:00Z");
        assertEquals(Optional.empty(), schedules.lastSlot("sales"));
        schedules.recordSlot("sales", slot);
        schedules.save(replaced);
        assertEquals("saving keeps the last slot", Optional.of(slot), schedules.lastSlot("sales"));
        assertEquals(Optional.of(new DatasetSchedule("stock", cron.timing(), cron.misfire(), false, 4)),
                schedules.addFailure("stock"));
        assertEquals(Optional.empty(), schedules.addFailure("no-schedule"));
        close(store);

        ScheduleStore reopened = open().schedules();
        assertEquals(Optional.of(replaced), reopened.schedule("sales"));
        assertEquals(4, reopened.schedule("stock").orElseThrow().consecutiveFailures());
        assertTrue(reopened.remove("stock"));
        assertFalse(reopened.remove("stock"));
        assertEquals(List.of(replaced), reopened.schedules());
        assertEquals(1, count("SELECT COUNT(*) FROM schedule"));
    }

    @Test
    public void notificationSettingsStartEmptyAndAreKeptAcrossARestart() throws Exception {
        GatewayStore store = open();
        assertTrue(schema().contains("3 notifications"));
        assertEquals(NotificationSettings.NONE, store.notifications().settings());
        NotificationSettings settings = new NotificationSettings("smtp.example.test", 587, "gateway@example.test",
                List.of("owner@example.test", "ops@example.test"), SmtpSecurity.STARTTLS, "gateway");
        store.notifications().save(settings);
        NotificationSettings changed = new NotificationSettings("mail.example.test", 25, "gw@example.test",
                List.of("owner@example.test"), SmtpSecurity.NONE, null);
        store.notifications().save(changed);
        close(store);

        assertEquals(changed, open().notifications().settings());
        assertEquals("one settings row, replaced", 1, count("SELECT COUNT(*) FROM notification_settings"));
    }

    @Test
    public void everyDatasetIsNotifiedUntilOptedOutAndOptOutsSurviveARestart() throws Exception {
        GatewayStore store = open();
        NotificationStore notifications = store.notifications();
        assertFalse(notifications.isOptedOut("sales"));
        notifications.setOptedOut("sales", true);
        notifications.setOptedOut("sales", true);
        notifications.setOptedOut("stock", true);
        notifications.setOptedOut("stock", false);
        notifications.setOptedOut("never-opted-out", false);
        assertTrue(notifications.isOptedOut("sales"));
        assertFalse(notifications.isOptedOut("stock"));
        assertFalse("a dataset defined later is on", notifications.isOptedOut("defined-later"));
        close(store);

        assertEquals(Set.of("sales"), open().notifications().optedOut());
    }

    @Test
    public void listenersHearEveryRefreshEndWithItsHistoryId() throws Exception {
        GatewayStore store = open();
        List<HistoryEntry> ended = new CopyOnWriteArrayList<>();
        AutoCloseable subscription = store.notifications().onRefreshEnded(ended::add);
        record(store, "sales", RefreshStatus.FAILED, 3, 0, "QUERY_FAILED: no such table");
        record(store, "sales", RefreshStatus.CANCELLED, 0, 0, "CANCELLED: cancelled by the owner");
        subscription.close();
        record(store, "sales", RefreshStatus.FAILED, 0, 0, "QUERY_FAILED: again");

        assertEquals(2, ended.size());
        List<HistoryEntry> stored = store.history().recent("sales", false, 10);
        HistoryEntry failed = ended.get(0);
        assertEquals("the id of its history entry", stored.get(2).id(), failed.id());
        assertEquals(RefreshStatus.FAILED, failed.status());
        assertEquals("QUERY_FAILED: no such table", failed.reason());
        assertEquals(RefreshStatus.CANCELLED, ended.get(1).status());
    }

    protected void record(GatewayStore store, String dataset, RefreshStatus status, long rows, long bytes,
                        String reason) throws Exception {
        store.recorder().started(dataset, "relay", clock.instant())
                .ended(clock.instant().plusMillis(10), status, rows, bytes, reason);
        store.awaitWrites(WRITES);
        clock.moveBy(Duration.ofSeconds(1));
    }

    /** The version of a migration added after the production schema's last. */
    private static final int TEST_STEP = StoreSchema.MIGRATIONS.size() + 1;

    private static List<Migration> withSecondMigration(String sql) {
        List<Migration> migrations = new ArrayList<>(StoreSchema.MIGRATIONS);
        migrations.add(new Migration(TEST_STEP, "test step", List.of(sql)));
        return migrations;
    }

    /** The production schema's migrations, as {@link #appliedMigrations()} lists them. */
    private static List<String> schema() {
        return StoreSchema.MIGRATIONS.stream().map(m -> m.version() + " " + m.description()).toList();
    }

    private static List<String> schemaAndTestStep() {
        List<String> applied = new ArrayList<>(schema());
        applied.add(TEST_STEP + " test step");
        return applied;
    }

    private static HistoryEntry only(List<HistoryEntry> entries) {
        assertEquals(entries.toString(), 1, entries.size());
        assertNotNull(entries.get(0));
        return entries.get(0);
    }

    private static List<String> describe(List<HistoryEntry> entries) {
        return entries.stream().map(e -> e.dataset() + " " + e.status()).toList();
    }

    /** The migrations the store lists as applied, read over a connection of the test's own. */
    protected List<String> appliedMigrations() throws SQLException {
        List<String> applied = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "SELECT version, description, applied_at FROM schema_version ORDER BY version")) {
            while (result.next()) {
                assertNotNull(result.getTimestamp(3));
                applied.add(result.getInt(1) + " " + result.getString(2));
            }
        }
        return applied;
    }

    protected long count(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    protected Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (!user().isEmpty()) {
            properties.setProperty("user", user());
        }
        if (!password().isEmpty()) {
            properties.setProperty("password", password());
        }
        return driver().connect(url(), properties);
    }
}
