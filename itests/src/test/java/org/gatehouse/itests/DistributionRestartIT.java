package org.gatehouse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestName;

/**
 * The whole distribution, restarted for real: unpacked as shipped, started with {@code bin/start}, driven through its
 * shell over SSH ({@code bin/client}) and its relay (client SDK), stopped with {@code bin/stop} or killed, started
 * again. A data source, its sign-in, a dataset and its history survive a restart, so do schedules (slots that fell
 * while the gateway was stopped are recorded MISSED, and caught up once with misfire run-once); a refresh running when the
 * gateway is killed is found INTERRUPTED; a corrupt store is refused with an error naming its file and left alone.
 * Plain JUnit: Pax Exam cannot restart its container. Needs the PostgreSQL of itests/postgres.sh.
 */
public class DistributionRestartIT {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String GATEWAY = "local";
    private static final String SOURCE = "pg-restart";
    private static final int ROWS = 2_000;

    @Rule
    public final TestName testName = new TestName();

    private GatewayInstallation gateway;

    @Rule
    public final InstallationRule installation = new InstallationRule();

    /**
     * One installation through a stop and a kill: a boot costs 30 to 45 s on a loaded machine, so the checks share
     * them instead of unpacking and booting per check.
     */
    @Test
    public void definitionsHistoryAndSchedulesOutliveAStopAndARefreshCutByAKillIsFoundInterrupted()
            throws Exception {
        gateway = unpack();
        long bootStarted = System.nanoTime();
        gateway.start();
        awaitReady(true);
        System.out.println("first boot ready after " + seconds(bootStarted));

        addSignedInSource();
        String historyBefore = defineAndRefreshNumbers();
        ZonedDateTime onceSlot = scheduleTwoDatasets();

        gateway.stop();
        assertTrue("the gateway must be stopped before the slot of sched-once (" + onceSlot + ") for this test to "
                + "mean anything", ZonedDateTime.now(ZoneOffset.UTC).isBefore(onceSlot));
        while (!ZonedDateTime.now(ZoneOffset.UTC).isAfter(onceSlot.plusSeconds(2))) {
            Thread.sleep(500); // the slot passes while no gateway runs
        }
        long restarted = System.nanoTime();
        gateway.start();
        awaitReady(true);
        System.out.println("restart (second boot) ready after " + seconds(restarted));

        expectDefinitionsAndHistoryKept(historyBefore);
        expectSlotsMissedAndCaughtUpOnce(onceSlot);
        expectRunningRefreshInterruptedByAKill();
    }

    /** A dataset of the signed-in source, refreshed from the shell and over the relay; its history. */
    private String defineAndRefreshNumbers() throws Exception {
        gateway.shell("gateway:dataset-add --query \"numbers=" + SOURCE
                + ":SELECT g AS n FROM generate_series(1, " + ROWS + ") g\" restart-numbers").ok();
        String refreshed = gateway.shell("gateway:refresh --wait restart-numbers").ok();
        assertTrue(refreshed, refreshed.contains("SUCCEEDED"));
        assertEquals(ROWS, refreshOverRelay("restart-numbers"));
        return awaitHistory("restart-numbers", 2);
    }

    /**
     * sched-skip every 10 s with misfire skip (the default): slots fall while the gateway is stopped. sched-once once
     * a day with misfire run-once, at a second that falls while the gateway is stopped: only a catch-up can refresh
     * it today. Returns that second.
     */
    private ZonedDateTime scheduleTwoDatasets() throws Exception {
        for (String dataset : List.of("sched-skip", "sched-once")) {
            gateway.shell("gateway:dataset-add --query \"n=" + SOURCE + ":SELECT 1 AS n\" " + dataset).ok();
        }
        gateway.shell("gateway:schedule-set --cron \"0/10 * * * * ?\" --zone UTC sched-skip").ok();
        ZonedDateTime slot = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(45).withNano(0);
        gateway.shell("gateway:schedule-set --misfire run-once --cron \"" + slot.getSecond() + " " + slot.getMinute()
                + " " + slot.getHour() + " * * ?\" --zone UTC sched-once").ok();
        awaitHistoryShows("sched-skip", "SUCCEEDED");
        return slot;
    }

    private void expectDefinitionsAndHistoryKept(String historyBefore) throws Exception {
        String source = gateway.shell("gateway:datasource-show " + SOURCE).ok();
        assertTrue(source, source.contains(pgUrl()));
        assertTrue("still signed in as " + pgUser() + ":\n" + source, source.contains("basic")
                && source.contains(pgUser()));
        assertTrue(gateway.shell("gateway:dataset-list").ok().contains("restart-numbers"));
        String historyAfter = gateway.shell("gateway:history restart-numbers").ok();
        List<String> linesAfter = historyLines(historyAfter).stream().map(DistributionRestartIT::squeezed).toList();
        for (String line : historyLines(historyBefore)) {
            assertTrue("the pre-restart refresh\n" + line + "\nis not in the history after the restart:\n"
                    + historyAfter, linesAfter.contains(squeezed(line)));
        }
        assertTrue(historyAfter, historyAfter.contains("shell:" + GatewayInstallation.OWNER));
        assertTrue(historyAfter, historyAfter.contains("relay"));

        // no sign-in after the restart: the gateway kept the credentials
        assertTrue(gateway.shell("gateway:refresh --wait restart-numbers").ok().contains("SUCCEEDED"));
        assertEquals(ROWS, refreshOverRelay("restart-numbers"));
        awaitHistory("restart-numbers", 4);
    }

    private void expectSlotsMissedAndCaughtUpOnce(ZonedDateTime onceSlot) throws Exception {
        awaitHistoryShows("sched-skip", "MISSED");
        awaitHistoryShows("sched-once", "MISSED");
        // the history's reason column wraps; the log says the same on one line
        assertTrue(gateway.log().toString(), logLines().stream().anyMatch(line -> line.contains(
                "of the schedule of sched-skip passed while the gateway's scheduler was not running")
                && line.endsWith(": skipped")));
        assertTrue(gateway.log().toString(), logLines().stream().anyMatch(line -> line.contains(
                "1 slot(s) of the schedule of sched-once passed while the gateway's scheduler was not running ("
                        + onceSlot.toInstant() + " to " + onceSlot.toInstant() + "): one catch-up refresh runs now")));
        List<String> problems = Eventually.problemsAfter(TIMEOUT, () -> {
            try {
                String history = gateway.shell("gateway:history sched-once").ok();
                long scheduled = historyLines(history).stream()
                        .filter(l -> l.contains("SUCCEEDED") && l.contains("schedule")).count();
                return scheduled == 1 ? List.of() : List.of("expected the one catch-up refresh:\n" + history);
            } catch (Exception e) {
                return List.of(e.toString());
            }
        });
        assertTrue(problems.toString(), problems.isEmpty());

        // the 10-second schedule came back with the gateway: it fires again without being set again
        String shown = gateway.shell("gateway:schedule-show sched-skip").ok();
        assertTrue(shown, shown.contains("0/10 * * * * ?"));
        long before = scheduledSuccesses("sched-skip");
        problems = Eventually.problemsAfter(TIMEOUT, () -> scheduledSuccesses("sched-skip") > before
                ? List.of() : List.of("no scheduled refresh of sched-skip after the restart"));
        assertTrue(problems.toString(), problems.isEmpty());
    }

    /** Scheduled refreshes of the dataset that succeeded, per the store's history (the latest 200 entries). */
    private long scheduledSuccesses(String dataset) {
        try {
            return historyLines(gateway.shell("gateway:history --limit 200 " + dataset).ok()).stream()
                    .filter(l -> l.contains("SUCCEEDED") && l.contains("schedule")).count();
        } catch (Exception e) {
            return -1;
        }
    }

    private void expectRunningRefreshInterruptedByAKill() throws Exception {
        gateway.shell("gateway:dataset-add --query \"slow=" + SOURCE + ":SELECT g FROM generate_series(1, 1000000) g, LATERAL (SELECT pg_sleep(0.01 + 0 * g)) s\" "
                + "restart-slow").ok();
        assertTrue(gateway.shell("gateway:refresh restart-slow").ok().contains("started"));
        awaitHistoryShows("restart-slow", "RUNNING");
        // H2 writes its store file at most a second after a commit; a RUNNING row younger than that may not be on
        // disk yet when the process dies (and would then be missing, not INTERRUPTED). Not a measurement.
        Thread.sleep(3_000);

        gateway.kill();
        gateway.start();
        awaitReady(true);

        String history = awaitHistoryShows("restart-slow", "INTERRUPTED");
        assertFalse(history, history.contains("RUNNING"));
        assertTrue("the gateway serves refreshes again", gateway.shell("gateway:refresh-cancel restart-slow")
                .output().contains("no refresh of restart-slow is running"));
    }

    @Test
    public void aCorruptStoreIsReportedNamingItsFileAndLeftAlone() throws Exception {
        gateway = unpack();
        Path store = gateway.home().resolve("data/gatehouse/store.mv.db");
        byte[] garbage = "this is not an H2 database\n".repeat(400).getBytes(StandardCharsets.US_ASCII);
        Files.createDirectories(store.getParent());
        Files.write(store, garbage);

        gateway.start();
        awaitReady(false);
        List<String> problems = Eventually.problemsAfter(TIMEOUT, () -> logLines().stream()
                .anyMatch(line -> line.contains("ERROR") && line.contains(store.toString())
                        && line.contains("cannot be opened")) ? List.of()
                : List.of("no ERROR naming " + store + " in " + gateway.log()));
        assertTrue(problems.toString(), problems.isEmpty());
        String status = gateway.shell("gateway:status").ok();
        assertTrue(status, status.contains("the gateway store is not open"));
        String history = gateway.shell("gateway:history").output();
        assertTrue("the shell says why there is no history:\n" + history, history.contains("gateway store is not open"));

        assertEquals("refreshes go on, unrecorded", 100_005, refreshOverRelay("demo-sales"));
        gateway.stop();
        assertTrue("the corrupt store must be left for its owner, not reset",
                Arrays.equals(garbage, Files.readAllBytes(store)));
    }

    private GatewayInstallation unpack() throws Exception {
        Path distribution = Path.of(System.getProperty("gatehouse.distribution"));
        // a short directory: it appears many times on the gateway's command line
        return installation.watch(GatewayInstallation.unpack(distribution, target().resolve("restart-it")
                .resolve(Integer.toHexString(testName.getMethodName().hashCode()))));
    }

    /** Ready: the gateway's commands answer, the relay link is up and (unless not expected) the store is open. */
    private void awaitReady(boolean storeOpens) throws Exception {
        gateway.awaitRelayConnected(READY_TIMEOUT, storeOpens);
    }

    private void addSignedInSource() throws Exception {
        gateway.shell("gateway:datasource-add --kind sql --set \"url=" + pgUrl() + "\" " + SOURCE).ok();
        Path passwordFile = gateway.home().resolve("pg-password.txt");
        Files.writeString(passwordFile, pgPassword() + "\n");
        try {
            gateway.shell("gateway:datasource-signin --auth basic --user " + pgUser() + " --password-file "
                    + passwordFile + " " + SOURCE).ok();
        } finally {
            Files.delete(passwordFile);
        }
        assertTrue(gateway.shell("gateway:datasource-test " + SOURCE).ok().contains("sign-in accepted"));
    }

    private long refreshOverRelay(String dataset) throws Exception {
        return gateway.refreshOverRelay(GATEWAY, dataset, TIMEOUT);
    }

    /** Waits until the dataset's history lists {@code count} finished refreshes; returns what it showed. */
    private String awaitHistory(String dataset, int count) throws Exception {
        String[] shown = new String[1];
        List<String> problems = Eventually.problemsAfter(TIMEOUT, () -> {
            try {
                shown[0] = gateway.shell("gateway:history " + dataset).ok();
                return historyLines(shown[0]).stream().filter(l -> l.contains("SUCCEEDED")).count() == count
                        ? List.of() : List.of("expected " + count + " refreshes:\n" + shown[0]);
            } catch (Exception e) {
                return List.of(e.toString());
            }
        });
        assertTrue(problems.toString(), problems.isEmpty());
        return shown[0];
    }

    private String awaitHistoryShows(String dataset, String status) throws Exception {
        String[] shown = new String[1];
        List<String> problems = Eventually.problemsAfter(TIMEOUT, () -> {
            try {
                shown[0] = gateway.shell("gateway:history " + dataset).ok();
                return shown[0].contains(status) ? List.of() : List.of("no " + status + " in:\n" + shown[0]);
            } catch (Exception e) {
                return List.of(e.toString());
            }
        });
        assertTrue(problems.toString(), problems.isEmpty());
        return shown[0];
    }

    /** A table line without its padding, which depends on the widest value in each column. */
    private static String squeezed(String line) {
        return line.trim().replaceAll("\\s+", " ");
    }

    /** The history table's rows (not its header). */
    private static List<String> historyLines(String table) {
        return table.lines().filter(l -> l.contains("SUCCEEDED") || l.contains("FAILED")
                || l.contains("CANCELLED") || l.contains("INTERRUPTED") || l.contains("RUNNING")).toList();
    }

    private List<String> logLines() {
        try {
            return Files.readAllLines(gateway.log());
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    private static String seconds(long startedNanos) {
        return String.format("%.1f s", (System.nanoTime() - startedNanos) / 1e9);
    }

    private static Path target() {
        return InstallationRule.target();
    }

    private static String pgUrl() {
        return env("GATEHOUSE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/gatehouse_test");
    }

    private static String pgUser() {
        return env("GATEHOUSE_PG_USER", "gatehouse");
    }

    private static String pgPassword() {
        return env("GATEHOUSE_PG_PASSWORD", "gatehouse");
    }

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? defaultValue : value;
    }
}
