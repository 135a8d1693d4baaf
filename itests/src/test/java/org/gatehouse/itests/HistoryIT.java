package org.gatehouse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.gatehouse.api.AuthenticationType;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.gateway.DataSourceInfo;
import org.gatehouse.api.gateway.DatasetInfo;
import org.gatehouse.api.gateway.GatewayDefinitions;
import org.gatehouse.api.gateway.HistoryEntry;
import org.gatehouse.api.gateway.RefreshHistory;
import org.gatehouse.api.gateway.RefreshStatus;
import org.gatehouse.api.refresh.RefreshService;
import org.gatehouse.client.ClientOptions;
import org.gatehouse.client.GatehouseClient;
import org.gatehouse.client.RefreshSummary;
import org.gatehouse.protocol.RelayEndpoint;
import org.gatehouse.protocol.RemoteErrorException;
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
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Refresh history in the booted distribution: refreshes over the relay (client SDK) of the demo dataset and of a
 * dataset the owner defined through {@link GatewayDefinitions} whose query fails land in the store with their
 * status, rows, bytes and reason; after the core bundle restarts, history and definitions are still there. A corrupt
 * store is refused with an error naming its file, left as it is, and refreshes go on without history.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HistoryIT extends GatehouseTestSupport {

    private static final String GATEWAY = "local";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int DEMO_ROWS = 100_005;

    @Inject
    @Filter(timeout = 120_000)
    private BootFinished bootFinished;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Configuration
    public Option[] configuration() {
        // the probe uses the client SDK, so its feature must be there before the probe starts
        return gatehouseOptions(
                editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot", "gatehouse-client"));
    }

    @Test
    public void refreshesAreRecordedAndOutliveARestartOfTheCore() throws Exception {
        String secret = "pw-" + UUID.randomUUID();
        GatewayDefinitions definitions = service(GatewayDefinitions.class);
        definitions.addDataSource("history-h2", "sql", Map.of("url", "jdbc:h2:mem:history_it;DB_CLOSE_DELAY=-1"));
        definitions.signIn("history-h2", Credentials.basic("sa", secret));
        definitions.addDataset(new DatasetInfo("history-broken", List.of(new DatasetInfo.QueryInfo("q",
                "history-h2", "SELECT * FROM no_such_table_for_history"))));
        awaitDatasets("demo-sales", "history-broken");

        RefreshSummary demo = refreshWithRetry("demo-sales");
        assertEquals(DEMO_ROWS, demo.rows());
        expectRemoteError("history-broken", "QUERY_FAILED");

        RefreshHistory history = service(RefreshHistory.class);
        HistoryEntry succeeded = awaitFinished(history, "demo-sales");
        assertEquals(RefreshStatus.SUCCEEDED, succeeded.status());
        assertEquals("relay", succeeded.trigger());
        assertEquals(DEMO_ROWS, succeeded.rows());
        assertEquals("bytes delivered are the message bodies the client received", demo.bodyBytes(),
                succeeded.bytes());
        assertNull(succeeded.reason());
        assertTrue(succeeded.ended().isAfter(succeeded.started()));

        HistoryEntry failed = awaitFinished(history, "history-broken");
        assertEquals(RefreshStatus.FAILED, failed.status());
        assertEquals(0, failed.rows());
        assertEquals("an error reply is not a result body", 0, failed.bytes());
        assertTrue(failed.reason(), failed.reason().startsWith("QUERY_FAILED: "));
        assertTrue(failed.reason(), failed.reason().toLowerCase(Locale.ROOT).contains("no_such_table_for_history"));
        assertEquals(List.of(failed.id()), history.recent(null, true, 10).stream()
                .filter(e -> e.dataset().startsWith("history-") || e.dataset().equals("demo-sales"))
                .map(HistoryEntry::id).toList());

        assertDefinitionsNotInEtc(secret);
        restartCoreBundle();

        RefreshHistory historyAfter = service(RefreshHistory.class);
        assertEquals(succeeded, historyAfter.lastFinished("demo-sales").orElseThrow());
        assertEquals(failed, historyAfter.lastFinished("history-broken").orElseThrow());
        GatewayDefinitions definitionsAfter = service(GatewayDefinitions.class);
        // the store's definitions come back when the store opens, which may trail the definitions service
        List<String> notBack = Eventually.problemsAfter(TIMEOUT, () -> definitionsAfter.dataSource("history-h2")
                .isPresent() && definitionsAfter.dataset("history-broken").isPresent() ? List.of()
                : List.of("history-h2 or history-broken not defined after the restart"));
        assertTrue(notBack.toString(), notBack.isEmpty());
        DataSourceInfo source = definitionsAfter.dataSource("history-h2").orElseThrow();
        assertEquals(AuthenticationType.BASIC, source.authentication());
        assertEquals("sa", source.user());
        assertEquals(1, definitionsAfter.dataset("history-broken").orElseThrow().queries().size());

        expectRemoteError("history-broken", "QUERY_FAILED");
        HistoryEntry afterRestart = awaitNewer(historyAfter, "history-broken", failed.id());
        assertEquals(RefreshStatus.FAILED, afterRestart.status());

        for (HistoryEntry entry : historyAfter.recent(null, false, 100)) {
            assertFalse("a secret in history: " + entry, String.valueOf(entry).contains(secret));
        }
        Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
        assertFalse("the signed-in secret is in " + log, Files.readString(log).contains(secret));
    }

    @Test
    public void aCorruptStoreIsRefusedNamingItsFileAndRefreshesGoOnUnrecorded() throws Exception {
        Path corrupt = Path.of(System.getProperty("karaf.data"), "gatehouse", "corrupt-store.mv.db");
        byte[] garbage = "not a database\n".repeat(500).getBytes(StandardCharsets.US_ASCII);
        Files.createDirectories(corrupt.getParent());
        Files.write(corrupt, garbage);
        org.osgi.service.cm.Configuration store = configurationAdmin.getConfiguration("org.gatehouse.store", "?");
        Dictionary<String, Object> original = store.getProperties();
        try {
            Dictionary<String, Object> pointed = new Hashtable<>();
            pointed.put("url", "jdbc:h2:" + corrupt.toString().replace(".mv.db", ""));
            store.update(pointed);
            Path log = Path.of(System.getProperty("karaf.data"), "log", "karaf.log");
            List<String> problems = Eventually.problemsAfter(TIMEOUT, () -> {
                List<String> missing = new ArrayList<>();
                if (bundleContext.getServiceReference(RefreshHistory.class) != null) {
                    missing.add("the history service is still there");
                }
                if (!logMentions(log, "ERROR", corrupt + ") cannot be opened")) {
                    missing.add("no error naming " + corrupt + " in " + log);
                }
                return missing;
            });
            assertTrue(problems.toString(), problems.isEmpty());

            assertEquals(DEMO_ROWS, refreshWithRetry("demo-sales").rows());
            assertTrue("the corrupt store must be left for repair, not reset",
                    Arrays.equals(garbage, Files.readAllBytes(corrupt)));
        } finally {
            store.update(original);
        }
        service(RefreshHistory.class);
    }

    private static boolean logMentions(Path log, String level, String text) {
        try {
            return Files.readAllLines(log).stream().anyMatch(line -> line.contains(level) && line.contains(text));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Stops and starts the core bundle: the store closes and opens again, the definitions are read again. */
    private void restartCoreBundle() throws Exception {
        Bundle core = Arrays.stream(bundleContext.getBundles())
                .filter(b -> "org.gatehouse.core".equals(b.getSymbolicName())).findFirst().orElseThrow();
        core.stop();
        assertNull("the history service goes with the core", bundleContext.getServiceReference(RefreshHistory.class));
        core.start();
    }

    /** Definitions made through the service live in the gateway store: no etc/ file holds them or their secret. */
    private static void assertDefinitionsNotInEtc(String secret) throws Exception {
        Path etc = Path.of(System.getProperty("karaf.etc"));
        assertFalse(Files.exists(etc.resolve("org.gatehouse.datasource-history-h2.cfg")));
        try (java.util.stream.Stream<Path> files = Files.list(etc)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse("the secret is in " + file, Files.readString(file, StandardCharsets.ISO_8859_1)
                        .contains(secret));
            }
        }
    }

    private void awaitDatasets(String... names) throws Exception {
        RefreshService refreshService = service(RefreshService.class);
        List<String> missing = Eventually.problemsAfter(TIMEOUT, () -> {
            List<String> absent = new ArrayList<>(List.of(names));
            absent.removeAll(refreshService.datasets());
            return absent;
        });
        assertTrue("datasets not defined: " + missing, missing.isEmpty());
    }

    /** History is written on the store's own thread, so an entry may trail the reply by a moment. */
    private static HistoryEntry awaitFinished(RefreshHistory history, String dataset) throws Exception {
        return awaitNewer(history, dataset, 0);
    }

    private static HistoryEntry awaitNewer(RefreshHistory history, String dataset, long afterId) throws Exception {
        List<String> problems = Eventually.problemsAfter(TIMEOUT, () -> history.lastFinished(dataset)
                .filter(e -> e.id() > afterId).isPresent() ? List.of() : List.of("no finished refresh of " + dataset
                + " newer than entry " + afterId + " in " + history.recent(dataset, false, 5)));
        assertTrue(problems.toString(), problems.isEmpty());
        return history.lastFinished(dataset).orElseThrow();
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

    /** The first refresh after start, and the first after the core restarts, may race the relay link. */
    private static RefreshSummary refreshWithRetry(String dataset) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try (GatehouseClient client = connect()) {
                return client.refreshDataset(GATEWAY, dataset, new Discarding());
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(1_000);
            }
        }
    }

    private static void expectRemoteError(String dataset, String code) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try (GatehouseClient client = connect()) {
                client.refreshDataset(GATEWAY, dataset, new Discarding());
                fail("refresh of " + dataset + " should fail with " + code);
            } catch (RemoteErrorException e) {
                assertEquals(e.getMessage(), code, e.code());
                return;
            } catch (Exception notAnsweredYet) {
                if (System.nanoTime() > deadline) {
                    throw notAnsweredYet;
                }
                Thread.sleep(1_000);
            }
        }
    }

    private static GatehouseClient connect() throws Exception {
        return GatehouseClient.connect(RelayEndpoint.parse(relayUrl(), null, null),
                ClientOptions.defaults().withFirstMessageTimeout(Duration.ofSeconds(30))
                        .withIdleTimeout(Duration.ofSeconds(30)));
    }

    /** Counts nothing and keeps nothing: the summary has the totals. */
    private static final class Discarding implements ResultStreamReader.Listener {
        @Override
        public void beginTable(TableHeader table) {
        }

        @Override
        public void row(Object[] values) {
        }
    }
}
