package org.gatehouse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.gatehouse.api.gateway.HistoryEntry;
import org.gatehouse.api.gateway.RefreshHistory;
import org.gatehouse.api.gateway.RefreshStatus;
import org.gatehouse.client.DeliveredResults;
import org.gatehouse.client.GatehouseClient;
import org.gatehouse.client.RefreshSummary;
import org.gatehouse.protocol.RelayEndpoint;
import org.gatehouse.protocol.ResultStreamReader;
import org.gatehouse.protocol.TableHeader;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Scheduled refresh in the booted distribution, driven from the shell: a cron schedule every 2 seconds on the demo
 * dataset fires (the history shows refreshes requested by {@code schedule}), its route is there under its id, the
 * next fire times are shown in the schedule's zone, the slots that pass while the scheduler bundle is stopped are
 * recorded MISSED when it starts again, and once the schedule is cleared the route is gone and nothing fires any
 * more. Waits are for events, with generous limits; no timing is asserted.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ScheduleIT extends GatehouseTestSupport {

    private static final String DATASET = "demo-sales";
    private static final String ROUTE = "schedule-" + DATASET;
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Inject
    @Filter(timeout = 120_000)
    private BootFinished bootFinished;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] configuration() {
        return gatehouseOptions(
                // the probe reads the delivered results with the client SDK
                editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot", "gatehouse-client"));
    }

    @Test
    public void aCronScheduleSetFromTheShellFiresShowsItsNextTimesAndStopsWhenCleared() throws Exception {
        KarafShell shell = new KarafShell(sessionFactory, "owner");
        shell.awaitCommand("gateway:schedule-list", TIMEOUT);
        RefreshHistory history = service(RefreshHistory.class);
        // the store opens and the demo dataset is defined while the container settles
        List<String> notReady = Eventually.problemsAfter(TIMEOUT, () -> {
            KarafShell.Outcome schedules = shell.run("gateway:schedule-list");
            KarafShell.Outcome datasets = shell.run("gateway:dataset-list");
            return schedules.error() == null && datasets.error() == null && datasets.output().contains(DATASET)
                    ? List.of() : List.of(schedules.error() + " / " + datasets.error() + " / " + datasets.output());
        });
        assertTrue(notReady.toString(), notReady.isEmpty());
        assertTrue(shell.run("gateway:schedule-list").ok().contains("no dataset is scheduled"));

        assertRefused(shell, "gateway:schedule-set no-such-dataset --cron \"0/2 * * * * ?\" --zone UTC",
                "no dataset named no-such-dataset");
        assertRefused(shell, "gateway:schedule-set " + DATASET + " --cron \"0 0 25 * * ?\" --zone UTC",
                "is not valid");
        assertRefused(shell, "gateway:schedule-set " + DATASET + " --times 8h --zone UTC", "bad time of day '8h'");

        try (GatehouseClient client = GatehouseClient.connect(RelayEndpoint.parse(relayUrl(), null, null));
             DeliveredResults delivered = client.openDeliveredResults("gatehouse.local.results")) {
            String set = shell.run("gateway:schedule-set " + DATASET + " --cron \"0/2 * * * * ?\" --zone UTC").ok();
            assertTrue(set, set.contains("--cron \"0/2 * * * * ?\" --zone UTC"));
            // the slots' results land at the gateway's results queue, verified like answers, naming their dataset
            for (int slot = 0; slot < 2; slot++) {
                RefreshSummary result = delivered.next(TIMEOUT, new ResultStreamReader.Listener() {
                    @Override
                    public void beginTable(TableHeader table) {
                    }

                    @Override
                    public void row(Object[] values) {
                    }
                }).orElseThrow(() -> new AssertionError("no scheduled result was delivered"));
                assertEquals(DATASET, result.dataset());
                assertEquals(2, result.tables());
                assertEquals(100_005, result.rows());
            }
        }

        List<String> notFired = Eventually.problemsAfter(TIMEOUT, () -> {
            long done = scheduled(history).stream().filter(e -> e.status() == RefreshStatus.SUCCEEDED).count();
            return done >= 2 ? List.of() : List.of(done + " scheduled refreshes succeeded so far: "
                    + scheduled(history));
        });
        assertTrue(notFired.toString(), notFired.isEmpty());
        assertTrue("the route is named for the dataset", routeRegistered());
        HistoryEntry succeeded = scheduled(history).stream().filter(e -> e.status() == RefreshStatus.SUCCEEDED)
                .findFirst().orElseThrow();
        assertEquals(100_005, succeeded.rows());

        String show = shell.run("gateway:schedule-show " + DATASET).ok();
        assertTrue(show, show.contains("Next fire time (UTC)"));
        assertEquals(show, 5, show.lines().filter(line -> line.matches(".*\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d "
                + "\\+00:00.*")).count());
        assertTrue(show, show.contains("skip"));
        String list = shell.run("gateway:schedule-list").ok();
        assertTrue(list, list.contains(DATASET) && list.contains("yes"));

        // a viewer reads schedules; changing them is for admins (Karaf's command ACL)
        KarafShell viewer = new KarafShell(sessionFactory, "watcher", "viewer");
        assertTrue(viewer.run("gateway:schedule-list").ok().contains(DATASET));
        assertTrue(viewer.run("gateway:schedule-show " + DATASET).ok().contains("Next fire time (UTC)"));
        for (String command : new String[] {"gateway:schedule-set " + DATASET + " --times 08:00 --zone UTC",
                "gateway:schedule-clear " + DATASET, "gateway:schedule-enable --off " + DATASET}) {
            String refused = viewer.run(command).refused();
            assertTrue(command + ": " + refused, refused.contains("Command not found")
                    || refused.contains("Insufficient credentials"));
        }
        assertTrue(shell.run("gateway:schedule-show " + DATASET).ok().contains("0/2 * * * * ?"));

        // the scheduler stops (as when the gateway is down) while slots pass: at its start they are recorded missed
        Bundle scheduler = schedulerBundle();
        // the first missed slot may fall while stop() still waits for a running refresh: compare with the request
        Instant stopRequested = Instant.now();
        scheduler.stop();
        Instant stopped = Instant.now();
        while (Instant.now().isBefore(stopped.plusSeconds(6))) {
            Thread.sleep(250);
        }
        scheduler.start();
        List<String> notMissed = Eventually.problemsAfter(TIMEOUT, () -> scheduled(history).stream()
                .anyMatch(e -> e.status() == RefreshStatus.MISSED && e.started().isAfter(stopRequested))
                ? List.of() : List.of("no MISSED entry after the scheduler was stopped: " + scheduled(history)));
        assertTrue(notMissed.toString(), notMissed.isEmpty());
        HistoryEntry missed = scheduled(history).stream().filter(e -> e.status() == RefreshStatus.MISSED)
                .findFirst().orElseThrow();
        assertTrue(missed.reason(), missed.reason().endsWith("skipped (misfire skip)"));

        assertTrue(shell.run("gateway:schedule-clear " + DATASET).ok().contains("cleared"));
        assertFalse("the route is removed with the schedule", routeRegistered());
        assertRefused(shell, "gateway:schedule-show " + DATASET, "has no schedule");
        List<String> stillRunning = Eventually.problemsAfter(TIMEOUT, () -> scheduled(history).stream()
                .anyMatch(e -> e.status() == RefreshStatus.RUNNING) ? List.of("a scheduled refresh still runs")
                : List.of());
        assertTrue(stillRunning.toString(), stillRunning.isEmpty());
        int afterClear = scheduled(history).size();
        // several 2-second slots pass: none fires
        Thread.sleep(6_000);
        assertEquals("no scheduled refresh after the schedule was cleared: " + scheduled(history), afterClear,
                scheduled(history).size());
    }

    private static void assertRefused(KarafShell shell, String command, String expected) {
        String error = shell.run(command).refused();
        assertTrue(command + " refused with: " + error, error.contains(expected));
    }

    private Bundle schedulerBundle() {
        for (Bundle bundle : bundleContext.getBundles()) {
            if (bundle.getLocation().contains("gatehouse-scheduler")) {
                return bundle;
            }
        }
        throw new AssertionError("the gatehouse-scheduler bundle is not installed");
    }

    private static List<HistoryEntry> scheduled(RefreshHistory history) {
        return history.recent(DATASET, false, 1000).stream().filter(e -> e.trigger().equals("schedule")).toList();
    }

    /** Camel registers every route as an MBean; the scheduler's context is named gatehouse-scheduler. */
    private static boolean routeRegistered() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> routes = server.queryNames(new ObjectName("org.apache.camel:context=gatehouse-scheduler,"
                + "type=routes,*"), null);
        for (ObjectName route : routes) {
            if (ROUTE.equals(server.getAttribute(route, "RouteId"))) {
                return true;
            }
        }
        return false;
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(bundleContext, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(TIMEOUT.toMillis());
            assertNotNull("no " + type.getSimpleName() + " service within " + TIMEOUT, service);
            return service;
        } finally {
            tracker.close();
        }
    }
}
