package org.gatehouse.itests;

import static org.gatehouse.itests.RelayClient.connectWhenUp;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.gateway.DatasetInfo;
import org.gatehouse.api.gateway.GatewayDefinitions;
import org.gatehouse.api.gateway.HistoryEntry;
import org.gatehouse.api.gateway.RefreshHistory;
import org.gatehouse.api.gateway.RefreshStatus;
import org.gatehouse.api.refresh.RefreshService;
import org.gatehouse.client.GatehouseClient;
import org.gatehouse.client.RefreshSummary;
import org.gatehouse.protocol.ErrorCode;
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
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * Cancelling a long PostgreSQL refresh in the booted distribution: one requested over the relay and cancelled from
 * the owner's shell, one started from the shell and cancelled over the relay. The query (a row every 10 ms, for hours)
 * stops at the database, its connection is released, the requester and the history say CANCELLED and by whom, and
 * the data source serves the next refresh as usual.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CancelIT extends GatehouseTestSupport {

    private static final String GATEWAY = "local";
    private static final String OWNER = "owner";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** In the slow query's text, so the test can find it in pg_stat_activity. */
    private static final String MARKER = "gatehouse_cancel_it";
    private static final String SLOW = "slow-rows";
    private static final String QUICK = "quick-rows";

    private static boolean defined;
    private static KarafShell shell;

    @Inject
    @Filter(timeout = 120_000)
    private BootFinished bootFinished;

    @Inject
    private SessionFactory sessionFactory;

    @Inject
    private GatewayDefinitions definitions;

    @Inject
    private RefreshService refreshService;

    @Inject
    private RefreshHistory history;

    @Inject
    @Filter("(osgi.jdbc.driver.class=org.postgresql.Driver)")
    private DataSourceFactory postgres;

    @Configuration
    public Option[] configuration() {
        return gatehouseOptions(
                editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot", "gatehouse-client"),
                systemProperty("gatehouse.pg.url").value(env("GATEHOUSE_PG_URL",
                        "jdbc:postgresql://127.0.0.1:5432/gatehouse_test")),
                systemProperty("gatehouse.pg.user").value(env("GATEHOUSE_PG_USER", "gatehouse")),
                systemProperty("gatehouse.pg.password").value(env("GATEHOUSE_PG_PASSWORD", "gatehouse")));
    }

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? defaultValue : value;
    }

    @Before
    public void defineOnce() throws Exception {
        if (defined) {
            return;
        }
        definitions.addDataSource("pg-slow", "sql", Map.of("url", System.getProperty("gatehouse.pg.url"),
                "fetchSize", "10"));
        definitions.signIn("pg-slow", Credentials.basic(System.getProperty("gatehouse.pg.user"),
                System.getProperty("gatehouse.pg.password")));
        definitions.addDataset(new DatasetInfo(SLOW, List.of(new DatasetInfo.QueryInfo("rows", "pg-slow",
                "SELECT /* " + MARKER + " */ g FROM generate_series(1, 1000000) g, LATERAL (SELECT pg_sleep(0.01 + 0 * g)) s"))));
        definitions.addDataset(new DatasetInfo(QUICK, List.of(new DatasetInfo.QueryInfo("rows", "pg-slow",
                "SELECT g FROM generate_series(1, 1000) g"))));
        List<String> missing = Eventually.problemsAfter(TIMEOUT, () -> {
            List<String> absent = new ArrayList<>(List.of(SLOW, QUICK));
            absent.removeAll(refreshService.datasets());
            return absent;
        });
        assertTrue("datasets not defined: " + missing, missing.isEmpty());
        KarafShell karaf = new KarafShell(sessionFactory, OWNER);
        karaf.awaitCommand("gateway:status", TIMEOUT);
        shell = karaf;
        defined = true;
    }

    @Test
    public void aRelayRefreshCancelledFromTheShellEndsCancelledForItsRequesterAndInHistory() throws Exception {
        assertTrue(shell.run("gateway:refresh-cancel " + SLOW).refused().contains("no refresh of " + SLOW));
        long before = lastFinishedId(SLOW);
        AtomicLong rowsReceived = new AtomicLong();
        try (GatehouseClient client = connectWhenUp(TIMEOUT)) {
            CompletableFuture<RefreshSummary> refresh = CompletableFuture.supplyAsync(() -> {
                try {
                    return client.refreshDataset(GATEWAY, SLOW, new Counting(rowsReceived));
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            // rows reach the client in chunks of many thousand rows: the query running in PostgreSQL is the sign
            awaitTrue("the slow query running in PostgreSQL", () -> runningQueries() == 1 || refresh.isDone());
            assertFalse("the slow refresh ended by itself", refresh.isDone());

            String said = shell.run("gateway:refresh-cancel " + SLOW).ok();
            assertTrue(said, said.contains("cancelled"));

            RemoteErrorException error = remoteErrorOf(refresh);
            assertEquals(ErrorCode.CANCELLED, error.code());
            assertEquals("CANCELLED: cancelled by shell:" + OWNER, error.getMessage());
        }
        HistoryEntry cancelled = awaitFinishedAfter(SLOW, before);
        assertEquals(RefreshStatus.CANCELLED, cancelled.status());
        assertEquals("cancelled by shell:" + OWNER, cancelled.reason());
        assertEquals("relay", cancelled.trigger());
        awaitTrue("the query gone from PostgreSQL", () -> runningQueries() == 0);

        try (GatehouseClient client = connectWhenUp(TIMEOUT)) {
            assertEquals("the data source serves the next refresh", 1000,
                    client.refreshDataset(GATEWAY, QUICK, new Counting(new AtomicLong())).rows());
        }
        String shown = shell.run("gateway:history " + SLOW).ok();
        assertTrue(shown, shown.contains("cancelled by shell:" + OWNER));
    }

    @Test
    public void aShellRefreshCancelledOverTheRelayEndsCancelledInHistory() throws Exception {
        long before = lastFinishedId(SLOW);
        String started = shell.run("gateway:refresh " + SLOW).ok();
        assertTrue(started, started.contains("started"));
        awaitTrue("the slow query running in PostgreSQL", () -> runningQueries() == 1);

        try (GatehouseClient client = connectWhenUp(TIMEOUT)) {
            assertTrue("the client is told a refresh was running", client.cancel(GATEWAY, SLOW));
            HistoryEntry cancelled = awaitFinishedAfter(SLOW, before);
            assertEquals(RefreshStatus.CANCELLED, cancelled.status());
            assertEquals("cancelled by relay", cancelled.reason());
            assertEquals("shell:" + OWNER, cancelled.trigger());
            assertFalse("nothing runs any more", client.cancel(GATEWAY, SLOW));
            assertFalse("a dataset the gateway does not know never runs", client.cancel(GATEWAY, "no-such-set"));
        }
        awaitTrue("the query gone from PostgreSQL", () -> runningQueries() == 0);

        String refreshed = shell.run("gateway:refresh --wait " + QUICK).ok();
        assertTrue(refreshed, refreshed.contains("SUCCEEDED"));
    }

    private long lastFinishedId(String dataset) {
        return history.lastFinished(dataset).map(HistoryEntry::id).orElse(0L);
    }

    private HistoryEntry awaitFinishedAfter(String dataset, long afterId) throws Exception {
        awaitTrue("a finished refresh of " + dataset + " after entry " + afterId, () -> history.lastFinished(dataset)
                .filter(e -> e.id() > afterId).isPresent());
        return history.lastFinished(dataset).orElseThrow();
    }

    /** The slow query's sessions in PostgreSQL that are still working on it. */
    private int runningQueries() {
        Properties props = new Properties();
        props.setProperty("user", System.getProperty("gatehouse.pg.user"));
        props.setProperty("password", System.getProperty("gatehouse.pg.password"));
        try (Connection c = postgres.createDriver(null).connect(System.getProperty("gatehouse.pg.url"), props);
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE pid <> "
                     + "pg_backend_pid() AND state <> 'idle' AND query LIKE ?")) {
            s.setString(1, "%" + MARKER + "%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            // message only: the driver's exception classes do not exist in the JVM that reports the test
            throw new AssertionError("PostgreSQL is needed by this test (itests/postgres.sh): " + e.getMessage());
        }
    }

    private static RemoteErrorException remoteErrorOf(CompletableFuture<RefreshSummary> refresh) throws Exception {
        try {
            RefreshSummary summary = refresh.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            fail("the refresh should have been cancelled, it ended with " + summary);
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RemoteErrorException remote) {
                return remote;
            }
            throw e;
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(String what, Check check) throws Exception {
        List<String> problems = Eventually.problemsAfter(TIMEOUT, () -> {
            try {
                return check.holds() ? List.of() : List.of("not yet: " + what);
            } catch (Exception e) {
                return List.of(what + ": " + e);
            }
        });
        assertTrue(problems.toString(), problems.isEmpty());
    }

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
