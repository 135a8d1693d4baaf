package org.gatehouse.itests;

import static org.gatehouse.itests.RelayClient.connect;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.gatehouse.api.Connector;
import org.gatehouse.api.refresh.ConnectorCatalog;
import org.gatehouse.api.refresh.ConnectorInfo;
import org.gatehouse.api.refresh.RefreshService;
import org.gatehouse.client.GatehouseClient;
import org.gatehouse.protocol.Heartbeat;
import org.gatehouse.protocol.RemoteErrorException;
import org.gatehouse.protocol.ResultStreamReader;
import org.gatehouse.protocol.TableHeader;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Connectors installed, removed and updated while the gateway runs, never restarted: the example connector (built
 * on its own in examples/connector-example) dropped into deploy/ as a KAR and as a plain bundle, removed while a
 * refresh reads through it, brought back, updated with bundle update; the web connector installed, uninstalled and
 * installed again as a feature. Every refresh goes over the relay.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConnectorHotDeployIT extends GatehouseTestSupport {

    private static final String GATEWAY = "local";
    private static final String KIND = "generated";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static boolean defined;

    @Inject
    @Filter(timeout = 120_000)
    private BootFinished bootFinished;

    @Inject
    private FeaturesService featuresService;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private RefreshService refreshService;

    @Inject
    private ConnectorCatalog connectors;

    @Configuration
    public Option[] configuration() {
        return gatehouseOptions(
                editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot", "gatehouse-client"),
                systemProperty("gatehouse.itests.example.kar").value(System.getProperty("gatehouse.example.kar")),
                systemProperty("gatehouse.itests.example.bundle")
                        .value(System.getProperty("gatehouse.example.bundle")));
    }

    @Before
    public void defineOnce() throws Exception {
        if (!defined) {
            define("org.gatehouse.datasource", Map.of("id", "gen", "kind", KIND, "auth", "anonymous", "seed", "42"));
            define("org.gatehouse.dataset", Map.of("name", "gen-small", "queries", "orders",
                    "query.orders.datasource", "gen", "query.orders.text", "orders 500"));
            // about 100 s to read: long enough to be removed from under it
            define("org.gatehouse.dataset", Map.of("name", "gen-slow", "queries", "orders",
                    "query.orders.datasource", "gen", "query.orders.text", "orders 1000000 pause 100:10"));
            awaitTrue("datasets defined", () -> refreshService.datasets().containsAll(List.of("gen-small",
                    "gen-slow")));
            defined = true;
        }
        // every test starts without the example connector
        Files.deleteIfExists(deployed("example.kar"));
        Files.deleteIfExists(deployed("example.jar"));
        awaitTrue("no example connector", () -> !installed(KIND));
    }

    @Test
    public void aKarDroppedIntoDeployServesRefreshesAndItsRemovalStopsThemCleanly() throws Exception {
        expectNotInstalled("gen-small");

        long dropped = System.nanoTime();
        Files.copy(Path.of(System.getProperty("gatehouse.itests.example.kar")), deployed("example.kar"),
                StandardCopyOption.REPLACE_EXISTING);
        long rows = refreshWhenInstalled("gen-small");
        System.out.printf("example connector KAR dropped into deploy/ -> first successful refresh: %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - dropped));
        assertEquals(500, rows);
        ConnectorInfo info = connectors.installedConnectors().stream().filter(c -> c.kind().equals(KIND))
                .findFirst().orElseThrow();
        assertEquals("0.1.0.SNAPSHOT", info.version());
        awaitHeartbeat("the heartbeat lists the new connector", true);

        // removed while a refresh reads through it: the refresh ends, cancelled, and says why
        AtomicLong received = new AtomicLong();
        CompletableFuture<Long> slow = CompletableFuture.supplyAsync(() -> refresh("gen-slow", received));
        awaitTrue("the slow refresh is reading", () -> received.get() > 0);
        Files.delete(deployed("example.kar"));
        try {
            slow.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            fail("the refresh must not succeed once its connector is gone");
        } catch (ExecutionException e) {
            RemoteErrorException error = (RemoteErrorException) e.getCause();
            assertEquals(error.getMessage(), "CANCELLED", error.code());
            assertTrue(error.getMessage(), error.getMessage().contains("removal of connector generated"));
        }
        awaitTrue("connector gone", () -> !installed(KIND));
        expectNotInstalled("gen-small");
        awaitHeartbeat("the heartbeat no longer lists it", false);

        Files.copy(Path.of(System.getProperty("gatehouse.itests.example.kar")), deployed("example.kar"));
        assertEquals("installed again: works again", 500, refreshWhenInstalled("gen-small"));
        Files.delete(deployed("example.kar"));
    }

    @Test
    public void aBundleDroppedIntoDeployWorksAndABundleUpdateBringsNewCode() throws Exception {
        Files.copy(Path.of(System.getProperty("gatehouse.itests.example.bundle")), deployed("example.jar"));
        assertEquals(500, refreshWhenInstalled("gen-small"));
        Class<?> before = exampleConnector().getClass();

        Bundle bundle = bundleOf("org.gatehouse.examples.gatehouse-connector-example");
        bundle.update(Files.newInputStream(Path.of(System.getProperty("gatehouse.itests.example.bundle"))));
        assertEquals(500, refreshWhenInstalled("gen-small"));
        assertNotSame("the refresh after the update runs the updated bundle's classes", before,
                exampleConnector().getClass());
        Files.delete(deployed("example.jar"));
    }

    @Test
    public void aConnectorFeatureInstalledUninstalledAndInstalledAgain() throws Exception {
        // a web data source on a closed loopback port: once the connector is there, the refresh fails reaching it
        define("org.gatehouse.datasource", Map.of("id", "svc", "kind", "web", "auth", "anonymous",
                "url", "http://127.0.0.1:9/api", "allowedHosts", "127.0.0.1"));
        define("org.gatehouse.dataset", Map.of("name", "web-items", "queries", "items",
                "query.items.datasource", "svc", "query.items.text", "items"));
        awaitTrue("dataset defined", () -> refreshService.datasets().contains("web-items"));
        EnumSet<FeaturesService.Option> none = EnumSet.noneOf(FeaturesService.Option.class);

        featuresService.installFeature("gatehouse-connector-web", none);
        awaitTrue("web connector installed", () -> installed("web"));
        assertTrue(refreshError("web-items").code(), !refreshError("web-items").code()
                .equals("CONNECTOR_NOT_INSTALLED"));
        featuresService.uninstallFeature("gatehouse-connector-web");
        awaitTrue("web connector gone", () -> !installed("web"));
        expectNotInstalled("web-items", "web");
        featuresService.installFeature("gatehouse-connector-web", none);
        awaitTrue("web connector back", () -> installed("web"));
        assertTrue(!refreshError("web-items").code().equals("CONNECTOR_NOT_INSTALLED"));
        featuresService.uninstallFeature("gatehouse-connector-web");
    }

    @Test
    public void installingTheConnectorFeaturesRestartsNothingThatRuns() throws Exception {
        // Karaf refreshes a running bundle when a new feature can satisfy one of its optional imports: the embedded
        // relay (Jackson for Artemis) did so for the excel connector, and every client lost its connection
        Set<Long> running = new HashSet<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            if (bundle.getState() == Bundle.ACTIVE) {
                running.add(bundle.getBundleId());
            }
        }
        List<String> restarted = new CopyOnWriteArrayList<>();
        SynchronousBundleListener stopping = event -> {
            if (event.getType() == BundleEvent.STOPPING && running.contains(event.getBundle().getBundleId())) {
                restarted.add(event.getBundle().getSymbolicName());
            }
        };
        List<String> features = List.of("gatehouse-connector-file", "gatehouse-connector-web",
                "gatehouse-connector-excel");
        EnumSet<FeaturesService.Option> none = EnumSet.noneOf(FeaturesService.Option.class);
        bundleContext.addBundleListener(stopping);
        try {
            for (String feature : features) {
                featuresService.installFeature(feature, none);
            }
            awaitTrue("file, web and excel-workbook connectors installed", () -> installed("file")
                    && installed("web") && installed("excel-workbook"));
            assertEquals("bundles restarted by installing the connector features", List.of(), restarted);
        } finally {
            bundleContext.removeBundleListener(stopping);
            for (int i = features.size() - 1; i >= 0; i--) {
                featuresService.uninstallFeature(features.get(i));
            }
        }
    }

    /** Waits (a heartbeat every 15 s) until a heartbeat does or does not list the example connector. */
    private void awaitHeartbeat(String what, boolean listed) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try (GatehouseClient client = connect()) {
            while (System.nanoTime() < deadline) {
                Optional<Heartbeat> beat = client.awaitHeartbeat(GATEWAY, Duration.ofSeconds(30));
                if (beat.isPresent() && beat.get().connectors().contains(KIND + "@0.1.0.SNAPSHOT") == listed) {
                    return;
                }
            }
        }
        fail(what);
    }

    private RemoteErrorException refreshError(String dataset) throws Exception {
        try (GatehouseClient client = connect()) {
            client.refreshDataset(GATEWAY, dataset, new Counting(new AtomicLong()));
        } catch (RemoteErrorException e) {
            return e;
        }
        throw new AssertionError("the refresh of " + dataset + " must fail");
    }

    private Connector exampleConnector() throws Exception {
        ServiceReference<?>[] references = bundleContext.getServiceReferences(Connector.class.getName(),
                "(" + Connector.KIND_PROPERTY + "=" + KIND + ")");
        assertTrue("one example connector service", references != null && references.length == 1);
        return (Connector) bundleContext.getService(references[0]);
    }

    private Bundle bundleOf(String symbolicName) {
        for (Bundle bundle : bundleContext.getBundles()) {
            if (bundle.getSymbolicName().equals(symbolicName)) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private void expectNotInstalled(String dataset) throws Exception {
        expectNotInstalled(dataset, KIND);
    }

    private void expectNotInstalled(String dataset, String kind) throws Exception {
        try (GatehouseClient client = connect()) {
            client.refreshDataset(GATEWAY, dataset, new Counting(new AtomicLong()));
            fail("the refresh of " + dataset + " must fail without its connector");
        } catch (RemoteErrorException e) {
            assertEquals(e.getMessage(), "CONNECTOR_NOT_INSTALLED", e.code());
            assertTrue(e.getMessage(), e.getMessage().contains("connector " + kind + " is not installed"));
        }
    }

    /** Refreshes over the relay once the connector answers (a refresh before that fails: not installed yet). */
    private long refreshWhenInstalled(String dataset) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            AtomicLong rows = new AtomicLong();
            try (GatehouseClient client = connect()) {
                client.refreshDataset(GATEWAY, dataset, new Counting(rows));
                return rows.get();
            } catch (RemoteErrorException e) {
                if (!e.code().equals("CONNECTOR_NOT_INSTALLED") || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private long refresh(String dataset, AtomicLong received) {
        try (GatehouseClient client = connect()) {
            client.refreshDataset(GATEWAY, dataset, new Counting(received));
            return received.get();
        } catch (RemoteErrorException e) {
            throw new java.util.concurrent.CompletionException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean installed(String kind) {
        return connectors.installedConnectors().stream().anyMatch(c -> c.kind().equals(kind));
    }

    private static Path deployed(String name) {
        return Path.of(System.getProperty("karaf.base"), "deploy", name);
    }

    private void define(String factoryPid, Map<String, String> properties) throws Exception {
        Dictionary<String, Object> config = new Hashtable<>(properties);
        configurationAdmin.createFactoryConfiguration(factoryPid, "?").update(config);
    }

    private static void awaitTrue(String what, java.util.function.BooleanSupplier condition) throws Exception {
        List<String> problems = Eventually.problemsAfter(WAIT, () -> condition.getAsBoolean() ? List.of()
                : List.of(what));
        assertTrue(problems.toString(), problems.isEmpty());
    }

    /** Counts the rows the client receives. */
    private static final class Counting implements ResultStreamReader.Listener {
        private final AtomicLong rows;

        Counting(AtomicLong rows) {
            this.rows = rows;
        }

        @Override
        public void beginTable(TableHeader table) {
        }

        @Override
        public void row(Object[] values) {
            rows.incrementAndGet();
        }
    }
}
