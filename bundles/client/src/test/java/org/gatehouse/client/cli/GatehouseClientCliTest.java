package org.gatehouse.client.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.gatehouse.api.Column;
import org.gatehouse.api.ColumnType;
import org.gatehouse.api.Schema;
import org.gatehouse.client.EmbeddedRelay;
import org.gatehouse.client.FakeGateway;
import org.gatehouse.client.TestTable;
import org.gatehouse.protocol.Protocol;
import org.gatehouse.protocol.ResultStreamWriter;
import org.junit.After;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.rules.TestName;

/** The CLI end to end, in-process, against a real broker and a fake gateway. */
public class GatehouseClientCliTest {

    @ClassRule
    public static final EmbeddedRelay RELAY = new EmbeddedRelay();

    private static final Schema SCHEMA = new Schema(List.of(new Column("id", ColumnType.INTEGER),
            new Column("name", ColumnType.STRING)));
    private static final TestTable CUSTOMERS = new TestTable("customers", SCHEMA,
            List.of(new Object[]{1, "Ada"}, new Object[]{2, "Smith, \"Bob\""}, new Object[]{3, null}));

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();
    @Rule
    public final TestName testName = new TestName();

    private final List<FakeGateway> gateways = new ArrayList<>();

    @After
    public void stopGateways() throws Exception {
        for (FakeGateway gateway : gateways) {
            gateway.close();
        }
    }

    @Test
    public void refreshWritesTheCsvAndPrintsOneSummaryLine() throws Exception {
        String gateway = gateway(TestTable.answering(CUSTOMERS));
        Path out = folder.getRoot().toPath().resolve("sales.csv");

        CliRun run = CliRun.of("refresh", "--relay", RELAY.url(), "--gateway", gateway, "--dataset", "sales",
                "--out", out.toString(), "--timeout", "20");

        assertEquals(run.err(), ExitCode.OK, run.exitCode());
        assertEquals("id,name\r\n1,Ada\r\n2,\"Smith, \"\"Bob\"\"\"\r\n3,\r\n", Files.readString(out));
        assertTrue(run.out(), run.out().matches("refreshed sales: 1 table, 3 rows, \\d+ B in \\d+\\.\\d\\d s "
                + "\\([\\d,]+ rows/s\\) -> " + java.util.regex.Pattern.quote(out.toString()) + "\\R"));
        assertEquals("", run.err());
    }

    @Test
    public void severalTablesAsJsonLinesWithPasswordFromTheEnvironment() throws Exception {
        TestTable orders = new TestTable("orders", new Schema(List.of(new Column("total", ColumnType.DECIMAL))),
                List.<Object[]>of(new Object[]{new java.math.BigDecimal("12.50")}));
        String gateway = gateway(TestTable.answering(CUSTOMERS, orders));
        Path out = folder.getRoot().toPath().resolve("sales.jsonl");

        CliRun run = CliRun.of(Map.of("RELAY_PASSWORD", "not-checked-by-the-test-broker"), "refresh",
                "--relay", RELAY.url(), "--user", "service", "--password-env", "RELAY_PASSWORD",
                "--gateway", gateway, "--dataset", "sales", "--out", out.toString());

        assertEquals(run.err(), ExitCode.OK, run.exitCode());
        assertEquals("{\"_table\":\"customers\",\"id\":1,\"name\":\"Ada\"}\n"
                + "{\"_table\":\"customers\",\"id\":2,\"name\":\"Smith, \\\"Bob\\\"\"}\n"
                + "{\"_table\":\"customers\",\"id\":3,\"name\":null}\n"
                + "{\"_table\":\"orders\",\"total\":12.50}\n", Files.readString(out));
        assertTrue(run.out(), run.out().startsWith("refreshed sales: 2 tables, 4 rows, "));
    }

    @Test
    public void severalTablesAsCsvGoToOneFilePerTable() throws Exception {
        TestTable empty = new TestTable("orders", SCHEMA, List.of());
        String gateway = gateway(TestTable.answering(CUSTOMERS, empty));
        Path out = folder.getRoot().toPath().resolve("sales.csv");

        CliRun run = CliRun.of("refresh", "--relay", RELAY.url(), "--gateway", gateway, "--dataset", "sales",
                "--out", out.toString());

        assertEquals(run.err(), ExitCode.OK, run.exitCode());
        Path customers = folder.getRoot().toPath().resolve("sales-customers.csv");
        Path orders = folder.getRoot().toPath().resolve("sales-orders.csv");
        assertTrue(run.out(), run.out().trim().endsWith("-> " + customers + ", " + orders));
        assertEquals("id,name\r\n", Files.readString(orders));
        assertEquals(List.of(customers, orders), files());
    }

    @Test
    public void runQueryWithFormatOption() throws Exception {
        String gateway = gateway(TestTable.answering(CUSTOMERS));
        Path out = folder.getRoot().toPath().resolve("customers.txt");

        CliRun run = CliRun.of("refresh", "--relay", RELAY.url(), "--gateway", gateway, "--dataset", "sales",
                "--query", "customers", "--format", "jsonl", "--out", out.toString());

        assertEquals(run.err(), ExitCode.OK, run.exitCode());
        assertTrue(run.out(), run.out().startsWith("refreshed sales/customers: 1 table, 3 rows"));
        assertTrue(Files.readString(out).startsWith("{\"id\":1,\"name\":\"Ada\"}\n"));
        assertEquals("customers", gateways.get(0).requests().take().query());
    }

    @Test
    public void aGatewayErrorExitsWithTwoAndItsCodeAndReason() throws Exception {
        String gateway = gateway((request, replies) -> new ResultStreamWriter(replies, request.correlationId(),
                "fake", 1024).fail("UNKNOWN_DATASET", "dataset nope is not configured"));
        Path out = folder.getRoot().toPath().resolve("nope.csv");

        CliRun run = CliRun.of("refresh", "--relay", RELAY.url(), "--gateway", gateway, "--dataset", "nope",
                "--out", out.toString());

        assertEquals(ExitCode.REMOTE_ERROR, run.exitCode());
        assertEquals("refresh failed: UNKNOWN_DATASET: dataset nope is not configured" + System.lineSeparator(),
                run.err());
        assertEquals("", run.out());
        assertEquals(List.of(), files());
    }

    @Test
    public void aPartialResultExitsWithThreeAndLeavesNoFile() throws Exception {
        String gateway = gateway((request, replies) -> {
            ResultStreamWriter writer = new ResultStreamWriter(frame -> {
                if (!Long.valueOf(2).equals(frame.properties().get(Protocol.SEQUENCE))) {
                    replies.send(frame);
                }
            }, request.correlationId(), "fake", 64);
            writer.beginTable("t", SCHEMA);
            for (int i = 0; i < 100; i++) {
                writer.row(new Object[]{i, "row " + i});
            }
            writer.endTable(100);
            writer.finish();
        });

        CliRun run = CliRun.of("refresh", "--relay", RELAY.url(), "--gateway", gateway, "--dataset", "sales",
                "--out", folder.getRoot().toPath().resolve("sales.csv").toString());

        assertEquals(ExitCode.INCOMPLETE, run.exitCode());
        assertTrue(run.err(), run.err().startsWith("refresh failed: partial result rejected: expected message 2"));
        assertEquals(List.of(), files());
    }

    @Test
    public void noAnswerExitsWithThreeAfterTheTimeout() throws Exception {
        CliRun run = CliRun.of("refresh", "--relay", RELAY.url(), "--gateway", "nobody", "--dataset", "sales",
                "--out", folder.getRoot().toPath().resolve("sales.csv").toString(), "--timeout", "0.5");

        assertEquals(ExitCode.INCOMPLETE, run.exitCode());
        assertEquals("refresh failed: no answer from gateway nobody within 0.5 s" + System.lineSeparator(), run.err());
    }

    @Test
    public void anUnreachableRelayExitsWithFour() throws Exception {
        String relay = "amqp://127.0.0.1:" + EmbeddedRelay.freePort();
        CliRun run = CliRun.of("refresh", "--relay", relay, "--gateway", "g", "--dataset", "sales",
                "--out", folder.getRoot().toPath().resolve("sales.csv").toString());

        assertEquals(ExitCode.FAILURE, run.exitCode());
        assertTrue(run.err(), run.err().startsWith("refresh failed: connecting to the relay at " + relay + " failed: "));
    }

    @Test
    public void heartbeatPrintsTheGatewayAndItsConnectors() throws Exception {
        String gateway = gateway(TestTable.answering());
        gateways.get(0).publishHeartbeats(Duration.ofMillis(100), List.of("sql@0.1.0", "file@0.1.0"));

        CliRun run = CliRun.of("heartbeat", "--relay", RELAY.url(), "--gateway", gateway, "--timeout", "10");

        assertEquals(run.err(), ExitCode.OK, run.exitCode());
        assertEquals("gateway " + gateway + " is online: version 0.1.0-test, requests on "
                + Protocol.requestAddress(gateway) + ", connectors: sql@0.1.0, file@0.1.0" + System.lineSeparator(),
                run.out());
    }

    @Test
    public void noHeartbeatExitsWithThree() {
        CliRun run = CliRun.of("heartbeat", "--relay", RELAY.url(), "--gateway", "offline", "--timeout", "0.3");

        assertEquals(ExitCode.INCOMPLETE, run.exitCode());
        assertEquals("heartbeat failed: no heartbeat from gateway offline on gatehouse.events within 0.3 s"
                + System.lineSeparator(), run.err());
        assertFalse(run.out(), run.out().contains("online"));
    }

    private String gateway(FakeGateway.Responder responder) throws Exception {
        FakeGateway gateway = new FakeGateway(RELAY.endpoint(), "cli-" + testName.getMethodName(), responder);
        gateways.add(gateway);
        return gateway.gatewayId();
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> files = Files.list(folder.getRoot().toPath())) {
            return files.sorted().toList();
        }
    }
}
