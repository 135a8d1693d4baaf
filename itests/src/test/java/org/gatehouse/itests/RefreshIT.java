package org.gatehouse.itests;

import static org.gatehouse.itests.RelayClient.connect;
import static org.gatehouse.itests.RelayClient.refreshWithRetry;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;

import org.gatehouse.itests.RelayClient.Collected;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.gatehouse.api.ColumnType;
import org.gatehouse.api.refresh.RefreshService;
import org.gatehouse.client.GatehouseClient;
import org.gatehouse.client.RawExchange;
import org.gatehouse.client.RefreshSummary;
import org.gatehouse.protocol.Frame;
import org.gatehouse.protocol.Protocol;
import org.gatehouse.protocol.RemoteErrorException;
import org.gatehouse.protocol.RequestMessage;
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
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * The foundation end to end: a service-side client sends refresh requests over the (embedded Artemis) relay to the
 * booted distribution, which runs them through the SQL connector against a real PostgreSQL and the demo H2 database
 * and streams the rows back. The rows the client receives must be exactly the rows the databases hold.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RefreshIT extends GatehouseTestSupport {

    private static final String GATEWAY = "local";
    private static final String PG_TABLE = "itest_refresh_types";
    private static final int PG_ROWS = 5_000;
    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(60);
    private static boolean defined;

    @Inject
    @Filter(timeout = 120_000)
    private BootFinished bootFinished;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private RefreshService refreshService;

    @Inject
    @Filter("(osgi.jdbc.driver.class=org.postgresql.Driver)")
    private DataSourceFactory postgres;

    @Inject
    @Filter("(osgi.jdbc.driver.class=org.h2.Driver)")
    private DataSourceFactory h2;

    @Configuration
    public Option[] configuration() {
        return gatehouseOptions(
                // the probe uses the client SDK, so its feature must be there before the probe starts
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
    public void defineDatasetsOnce() throws Exception {
        if (defined) {
            return;
        }
        createPostgresTable();
        defineDataSource(configurationAdmin, "pg", Map.of("kind", "sql", "url", pgUrl(), "auth", "basic", "user", pgUser(),
                "password", pgPassword(), "fetchSize", "500"));
        defineDataset(configurationAdmin, "pg-types", Map.of("queries", "all", "query.all.datasource", "pg",
                "query.all.text", "SELECT * FROM " + PG_TABLE + " ORDER BY id"));
        defineDataset(configurationAdmin, "pg-broken-sql", Map.of("queries", "q", "query.q.datasource", "pg",
                "query.q.text", "SELECT * FROM no_such_table_here"));
        defineDataSource(configurationAdmin, "pg-down", Map.of("kind", "sql", "url", "jdbc:postgresql://127.0.0.1:" + closedPort()
                + "/nothing?connectTimeout=3", "auth", "basic", "user", "x", "password", "y"));
        defineDataset(configurationAdmin, "pg-unreachable", Map.of("queries", "q", "query.q.datasource", "pg-down",
                "query.q.text", "SELECT 1"));
        List<String> missing = Eventually.problemsAfter(SETUP_TIMEOUT, () -> {
            List<String> absent = new ArrayList<>(List.of("pg-types", "pg-broken-sql", "pg-unreachable",
                    "demo-sales"));
            absent.removeAll(refreshService.datasets());
            return absent;
        });
        assertTrue("datasets not defined: " + missing, missing.isEmpty());
        defined = true;
    }

    @Test
    public void aPostgresTableArrivesExactlyWithItsTypes() throws Exception {
        Collected result = refreshWithRetry("pg-types", SETUP_TIMEOUT);
        assertEquals(1, result.tables.size());
        List<ColumnType> types = result.tables.get(0).schema().columns().stream().map(c -> c.type()).toList();
        assertEquals(List.of(ColumnType.LONG, ColumnType.INTEGER, ColumnType.INTEGER, ColumnType.LONG,
                ColumnType.DECIMAL, ColumnType.STRING, ColumnType.STRING, ColumnType.BOOLEAN, ColumnType.DATE,
                ColumnType.TIMESTAMP, ColumnType.TIMESTAMP_TZ, ColumnType.DOUBLE, ColumnType.BINARY), types);
        assertRowsEqual(readPostgres(types), result.rows);
        assertEquals(PG_ROWS, result.summary.rows());
    }

    @Test
    public void theDemoH2DatasetArrivesExactlyTableByTable() throws Exception {
        Collected result = refreshWithRetry("demo-sales", SETUP_TIMEOUT);
        assertEquals(List.of("sales", "revenue-by-region"), result.tables.stream().map(TableHeader::name).toList());
        List<ColumnType> types = result.tables.get(0).schema().columns().stream().map(c -> c.type()).toList();
        assertEquals(List.of(ColumnType.LONG, ColumnType.DATE, ColumnType.STRING, ColumnType.STRING,
                ColumnType.STRING, ColumnType.INTEGER, ColumnType.DECIMAL, ColumnType.DECIMAL, ColumnType.TIMESTAMP,
                ColumnType.BOOLEAN), types);
        List<Object[]> expected = readH2("SELECT * FROM sales ORDER BY id", types);
        assertEquals(100_000, expected.size());
        List<Object[]> regions = readH2("SELECT region, COUNT(*) AS orders, SUM(amount) AS revenue FROM sales "
                + "GROUP BY region ORDER BY region", List.of(ColumnType.STRING, ColumnType.LONG, ColumnType.DECIMAL));
        expected.addAll(regions);
        assertRowsEqual(expected, result.rows);
    }

    @Test
    public void theGatewayAndItsDatasetsAreMBeansShowingTheLastRefresh() throws Exception {
        refreshWithRetry("demo-sales", SETUP_TIMEOUT);
        javax.management.MBeanServer server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
        javax.management.ObjectName dataset = new javax.management.ObjectName(
                "org.gatehouse:type=Dataset,name=\"demo-sales\"");
        List<String> problems = Eventually.problemsAfter(SETUP_TIMEOUT, () -> {
            try {
                return "SUCCEEDED".equals(server.getAttribute(dataset, "LastStatus"))
                        && Long.valueOf(100_005).equals(server.getAttribute(dataset, "LastRows")) ? List.of()
                        : List.of("LastStatus " + server.getAttribute(dataset, "LastStatus"));
            } catch (javax.management.JMException e) {
                return List.of(e.toString());
            }
        });
        assertTrue(problems.toString(), problems.isEmpty());
        javax.management.ObjectName gateway = new javax.management.ObjectName("org.gatehouse:type=Gateway");
        assertEquals(true, server.getAttribute(gateway, "RelayConnected"));
        assertEquals("local", server.getAttribute(gateway, "GatewayId"));
        javax.management.ObjectName sql = new javax.management.ObjectName("org.gatehouse:type=Connector,kind=\"sql\"");
        assertEquals("0.1.0.SNAPSHOT", server.getAttribute(sql, "Version"));
    }

    @Test
    public void camelManagementShowsTheRelayRoutesWithTheirStatistics() throws Exception {
        refreshWithRetry("demo-sales", SETUP_TIMEOUT);
        javax.management.MBeanServer server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
        java.util.Set<javax.management.ObjectName> routes = server.queryNames(
                new javax.management.ObjectName("org.apache.camel:type=routes,*"), null);
        List<String> ids = new java.util.ArrayList<>();
        long requests = -1;
        for (javax.management.ObjectName route : routes) {
            String id = (String) server.getAttribute(route, "RouteId");
            ids.add(id);
            if (id.equals("relay-requests")) {
                requests = (Long) server.getAttribute(route, "ExchangesTotal");
            }
        }
        assertTrue("routes: " + ids, ids.contains("relay-requests") && ids.contains("relay-heartbeat"));
        assertTrue("relay-requests counted the refresh: " + requests, requests > 0);
    }

    @Test
    public void badRequestsAreAnsweredWithReasonsAndTheGatewayKeepsServing() throws Exception {
        expectRemoteError("no-such-dataset", "UNKNOWN_DATASET", "no-such-dataset");
        expectRemoteError("pg-broken-sql", "QUERY_FAILED", "no_such_table_here");
        expectRemoteError("pg-unreachable", "SOURCE_UNREACHABLE", "pg-down");

        try (GatehouseClient client = connect(); RawExchange raw = client.openExchange()) {
            Map<String, Object> wrongVersion = new java.util.HashMap<>(RequestMessage.refreshDataset("v9",
                    raw.replyAddress(), "demo-sales").toFrame().properties());
            wrongVersion.put(Protocol.PROTOCOL_VERSION, 9);
            assertErrorReply(raw, wrongVersion, "UNSUPPORTED_VERSION");

            Map<String, Object> noDataset = new java.util.HashMap<>(RequestMessage.refreshDataset("nd",
                    raw.replyAddress(), "demo-sales").toFrame().properties());
            noDataset.remove(Protocol.DATASET);
            assertErrorReply(raw, noDataset, "BAD_REQUEST");

            Map<String, Object> unknownOperation = new java.util.HashMap<>(RequestMessage.refreshDataset("op",
                    raw.replyAddress(), "demo-sales").toFrame().properties());
            unknownOperation.put(Protocol.OPERATION, "drop-everything");
            assertErrorReply(raw, unknownOperation, "BAD_REQUEST");
        }

        try (GatehouseClient client = connect()) {
            RefreshSummary summary = client.runQuery(GATEWAY, "demo-sales", "revenue-by-region", new Collected());
            assertEquals(5, summary.rows());
        }
    }

    @Test
    public void aRefreshSucceedsAfterTheRelayRestarts() throws Exception {
        Bundle relay = Arrays.stream(bundleContext.getBundles())
                .filter(b -> "org.gatehouse.relay.embedded".equals(b.getSymbolicName())).findFirst().orElseThrow();
        refreshWithRetry("demo-sales", SETUP_TIMEOUT);
        relay.stop();
        relay.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try (GatehouseClient client = connect(Duration.ofSeconds(10))) {
                Collected result = new Collected();
                result.summary = client.runQuery(GATEWAY, "demo-sales", "revenue-by-region", result);
                assertEquals(5, result.summary.rows());
                return;
            } catch (Exception notYet) {
                last = notYet;
                Thread.sleep(1_000);
            }
        }
        throw new AssertionError("no successful refresh within 60 s of the relay restart", last);
    }

    private void expectRemoteError(String dataset, String code, String mention) throws Exception {
        try (GatehouseClient client = connect()) {
            client.refreshDataset(GATEWAY, dataset, new Collected());
            fail("refresh of " + dataset + " should fail with " + code);
        } catch (RemoteErrorException e) {
            assertEquals(e.getMessage(), code, e.code());
            assertTrue(e.getMessage(), e.getMessage().contains(mention));
        }
    }

    private static void assertErrorReply(RawExchange raw, Map<String, Object> properties, String code)
            throws Exception {
        raw.send(Protocol.requestAddress(GATEWAY), properties, null);
        Frame reply = raw.receive(Duration.ofSeconds(20)).orElseThrow(() ->
                new AssertionError("no answer to a malformed request (expected " + code + ")"));
        assertEquals(reply.toString(), "error", reply.string(Protocol.TYPE));
        assertEquals(code, reply.string(Protocol.ERROR_CODE));
        assertEquals(properties.get(Protocol.CORRELATION_ID), reply.string(Protocol.CORRELATION_ID));
    }

    private static void assertRowsEqual(List<Object[]> expected, List<Object[]> actual) {
        assertEquals("row count", expected.size(), actual.size());
        for (int r = 0; r < expected.size(); r++) {
            Object[] e = expected.get(r);
            Object[] a = actual.get(r);
            assertEquals("columns in row " + r, e.length, a.length);
            for (int c = 0; c < e.length; c++) {
                String where = "row " + r + " column " + c;
                if (e[c] instanceof byte[]) {
                    assertArrayEquals(where, (byte[]) e[c], (byte[]) a[c]);
                } else if (e[c] instanceof OffsetDateTime) {
                    assertEquals(where, ((OffsetDateTime) e[c]).toInstant(), ((OffsetDateTime) a[c]).toInstant());
                } else {
                    assertEquals(where, e[c], a[c]);
                    if (e[c] != null) {
                        assertEquals(where + " type", e[c].getClass(), a[c].getClass());
                    }
                }
            }
        }
    }

    private void createPostgresTable() throws Exception {
        try (Connection c = pgConnection(); Statement s = c.createStatement()) {
            createPostgresTable(s);
        } catch (java.sql.SQLException e) {
            throw new AssertionError("could not create " + PG_TABLE + ": " + e.getMessage());
        }
    }

    private static void createPostgresTable(Statement s) throws java.sql.SQLException {
        {
            s.execute("DROP TABLE IF EXISTS " + PG_TABLE);
            s.execute("CREATE TABLE " + PG_TABLE + " (id bigint PRIMARY KEY, small smallint, i integer, big bigint, "
                    + "num numeric(14,3), txt text, vc varchar(40), flag boolean, d date, ts timestamp, "
                    + "tstz timestamptz, dbl double precision, bin bytea)");
            // every fifth row has nulls; text covers quotes, separators, newlines and non-ASCII
            s.execute("INSERT INTO " + PG_TABLE + " SELECT g, (g % 30000)::smallint, g * 7, g::bigint * 1000000007, "
                    + "round((g * 3.14159)::numeric, 3), 'row ' || g || E' \"quoted\", comma\\nline ü €', "
                    + "CASE WHEN g % 5 = 0 THEN NULL ELSE 'vc' || g END, g % 2 = 0, "
                    + "CASE WHEN g % 5 = 0 THEN NULL ELSE date '2020-01-01' + g END, "
                    + "timestamp '2021-06-01 12:00:00.123456' + g * interval '1 minute', "
                    + "timestamptz '2021-06-01 12:00:00+02' + g * interval '1 second', (g / 3.0)::double precision, "
                    + "CASE WHEN g % 5 = 0 THEN NULL ELSE int8send(g) END "
                    + "FROM generate_series(1, " + PG_ROWS + ") g");
        }
    }

    private List<Object[]> readPostgres(List<ColumnType> types) throws Exception {
        try (Connection c = pgConnection()) {
            return read(c, "SELECT * FROM " + PG_TABLE + " ORDER BY id", types);
        }
    }

    private List<Object[]> readH2(String sql, List<ColumnType> types) throws Exception {
        Path database = Path.of(System.getProperty("karaf.data"), "demo", "sales.mv.db");
        List<String> problems = Eventually.problemsAfter(SETUP_TIMEOUT,
                () -> Files.exists(database) ? List.of() : List.of("no " + database));
        assertTrue(problems.toString(), problems.isEmpty());
        Properties user = new Properties();
        user.setProperty("user", "sa");
        user.setProperty("password", "");
        try (Connection c = h2.createDriver(null).connect("jdbc:h2:" + System.getProperty("karaf.data")
                + "/demo/sales;IFEXISTS=TRUE;ACCESS_MODE_DATA=r", user)) {
            return read(c, sql, types);
        }
    }

    /** Reads rows straight from JDBC as the Java classes the protocol promises for each column type. */
    private static List<Object[]> read(Connection c, String sql, List<ColumnType> types) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Object[] row = new Object[types.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = switch (types.get(i)) {
                        case LONG -> rs.getObject(i + 1, Long.class);
                        case INTEGER -> rs.getObject(i + 1, Integer.class);
                        case DECIMAL -> rs.getObject(i + 1, BigDecimal.class);
                        case STRING -> rs.getString(i + 1);
                        case BOOLEAN -> rs.getObject(i + 1, Boolean.class);
                        case DATE -> rs.getObject(i + 1, LocalDate.class);
                        case TIMESTAMP -> rs.getObject(i + 1, LocalDateTime.class);
                        case TIMESTAMP_TZ -> rs.getObject(i + 1, OffsetDateTime.class);
                        case DOUBLE -> rs.getObject(i + 1, Double.class);
                        case BINARY -> rs.getBytes(i + 1);
                        default -> throw new AssertionError("unexpected type " + types.get(i));
                    };
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private Connection pgConnection() throws Exception {
        Properties props = new Properties();
        props.setProperty("user", pgUser());
        props.setProperty("password", pgPassword());
        try {
            return postgres.createDriver(null).connect(pgUrl(), props);
        } catch (java.sql.SQLException e) {
            // message only: the driver's exception classes do not exist in the JVM that reports the test
            throw new AssertionError("PostgreSQL at " + pgUrl() + " is needed by this test (itests/postgres.sh "
                    + "sets it up): " + e.getMessage());
        }
    }

    private static int closedPort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String pgUrl() {
        return System.getProperty("gatehouse.pg.url");
    }

    private static String pgUser() {
        return System.getProperty("gatehouse.pg.user");
    }

    private static String pgPassword() {
        return System.getProperty("gatehouse.pg.password");
    }

}
