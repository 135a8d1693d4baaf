package org.gatehouse.client;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.gatehouse.api.Column;
import org.gatehouse.api.ColumnType;
import org.gatehouse.api.Schema;
import org.gatehouse.protocol.ErrorCode;
import org.gatehouse.protocol.Frame;
import org.gatehouse.protocol.FrameSender;
import org.gatehouse.protocol.Heartbeat;
import org.gatehouse.protocol.MessageType;
import org.gatehouse.protocol.Operation;
import org.gatehouse.protocol.PartialResultException;
import org.gatehouse.protocol.Protocol;
import org.gatehouse.protocol.RemoteErrorException;
import org.gatehouse.protocol.RequestMessage;
import org.gatehouse.protocol.ResultStreamReader;
import org.gatehouse.protocol.ResultStreamWriter;
import org.gatehouse.protocol.TableHeader;
import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestName;

/** The SDK against a real AMQP 1.0 broker and a fake gateway speaking the protocol through plain JMS. */
public class GatehouseClientTest {

    @ClassRule
    public static final EmbeddedRelay RELAY = new EmbeddedRelay();

    private static final Duration SHORT = Duration.ofMillis(500);

    static final Schema ALL_TYPES = new Schema(Arrays.stream(ColumnType.values())
            .map(t -> new Column(t.name().toLowerCase(), t)).toList());

    static final Object[] EVERY_VALUE = {true, 42, 7_000_000_000L, 3.25, new BigDecimal("-12345678901234567890.123"),
        "naïve, \"quoted\"\n☃", LocalDate.of(2026, 11, 28), LocalTime.of(23, 59, 58, 123_456_789),
        LocalDateTime.of(1969, 12, 31, 23, 0, 1, 5), OffsetDateTime.of(2026, 3, 29, 1, 30, 0, 0, ZoneOffset.ofHours(-5)),
        new byte[]{0, 1, (byte) 255}};

    @Rule
    public final TestName testName = new TestName();

    private final List<FakeGateway> gateways = new ArrayList<>();
    private GatehouseClient client;

    @Before
    public void connect() throws Exception {
        client = GatehouseClient.connect(RELAY.endpoint(), new ClientOptions(Duration.ofSeconds(20),
                Duration.ofSeconds(20)));
    }

    @After
    public void disconnect() throws Exception {
        client.close();
        for (FakeGateway gateway : gateways) {
            gateway.close();
        }
    }

    @Test
    public void everyColumnTypeAndNullsCrossInSeveralTables() throws Exception {
        TestTable all = new TestTable("all types", ALL_TYPES, List.of(EVERY_VALUE, new Object[ALL_TYPES.size()]));
        TestTable numbers = new TestTable("numbers", new Schema(List.of(new Column("n", ColumnType.INTEGER))),
                List.of(new Object[]{1}, new Object[]{null}, new Object[]{-3}));
        TestTable empty = new TestTable("empty", new Schema(List.of(new Column("x", ColumnType.STRING))), List.of());
        FakeGateway gateway = gateway(TestTable.answering(all, numbers, empty));

        TestTable.Collector result = new TestTable.Collector();
        RefreshSummary summary = client.refreshDataset(gateway.gatewayId(), "sales", result);

        assertEquals(3, summary.tables());
        assertEquals(5, summary.rows());
        assertEquals("sales", summary.dataset());
        assertTrue(summary.bodyBytes() > 0);
        assertEquals(List.of("all types", "numbers", "empty"), result.tables.stream().map(TableHeader::name).toList());
        assertEquals(ALL_TYPES, result.tables.get(0).schema());
        Object[] received = result.rows.get(0).get(0);
        for (int i = 0; i < EVERY_VALUE.length; i++) {
            if (EVERY_VALUE[i] instanceof byte[] bytes) {
                assertArrayEquals(bytes, (byte[]) received[i]);
            } else {
                assertEquals(ALL_TYPES.column(i).name(), EVERY_VALUE[i], received[i]);
            }
        }
        assertArrayEquals(new Object[ALL_TYPES.size()], result.rows.get(0).get(1));
        assertArrayEquals(new Object[]{null}, result.rows.get(1).get(1));
        assertTrue(result.rows.get(2).isEmpty());

        RequestMessage request = gateway.requests().poll(5, TimeUnit.SECONDS);
        assertEquals(Operation.REFRESH_DATASET, request.operation());
        assertEquals("sales", request.dataset());
        assertTrue(request.replyTo(), request.replyTo().startsWith(RawExchange.REPLY_QUEUE_PREFIX));
    }

    @Test
    public void hundredThousandRowsArriveInManyChunks() throws Exception {
        Schema schema = new Schema(List.of(new Column("id", ColumnType.LONG), new Column("name", ColumnType.STRING),
                new Column("amount", ColumnType.DECIMAL)));
        AtomicInteger messages = new AtomicInteger();
        FakeGateway gateway = gateway((request, replies) -> {
            FrameSender counting = frame -> {
                messages.incrementAndGet();
                replies.send(frame);
            };
            ResultStreamWriter writer = new ResultStreamWriter(counting, request.correlationId(), "fake", 16 * 1024);
            writer.beginTable("big", schema);
            for (long i = 0; i < 100_000; i++) {
                writer.row(new Object[]{i, "customer " + i, BigDecimal.valueOf(i, 2)});
            }
            writer.endTable(100_000);
            writer.finish();
        });

        long[] sumAndCount = new long[2];
        RefreshSummary summary = client.refreshDataset(gateway.gatewayId(), "big", new ResultStreamReader.Listener() {
            @Override
            public void beginTable(TableHeader table) {
            }

            @Override
            public void row(Object[] values) {
                assertEquals("customer " + values[0], values[1]);
                sumAndCount[0] += (Long) values[0];
                sumAndCount[1]++;
            }
        });

        assertEquals(100_000, summary.rows());
        assertEquals(100_000, sumAndCount[1]);
        assertEquals(99_999L * 100_000 / 2, sumAndCount[0]);
        assertTrue("expected many chunks, got " + messages.get(), messages.get() > 100);
        assertTrue(summary.bodyBytes() > 2_000_000);
        assertTrue(summary.rowsPerSecond() > 0);
    }

    @Test
    public void theReplyQueueIsDroppedAfterTheExchange() throws Exception {
        FakeGateway gateway = gateway(TestTable.answering(new TestTable("t",
                new Schema(List.of(new Column("n", ColumnType.INTEGER))), List.<Object[]>of(new Object[]{1}))));
        client.refreshDataset(gateway.gatewayId(), "sales", new TestTable.Collector());

        String replyQueue = gateway.requests().poll(5, TimeUnit.SECONDS).replyTo();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (RELAY.hasQueue(replyQueue) && System.nanoTime() < deadline) {
            Thread.sleep(50); // the broker deletes auto-created queues asynchronously
        }
        assertFalse(replyQueue + " should be gone", RELAY.hasQueue(replyQueue));
    }

    @Test
    public void runQueryAsksForTheNamedQuery() throws Exception {
        TestTable one = new TestTable("orders", new Schema(List.of(new Column("n", ColumnType.INTEGER))),
                List.<Object[]>of(new Object[]{7}));
        FakeGateway gateway = gateway(TestTable.answering(one));

        RefreshSummary summary = client.runQuery(gateway.gatewayId(), "sales", "orders", new TestTable.Collector());

        assertEquals(1, summary.rows());
        RequestMessage request = gateway.requests().poll(5, TimeUnit.SECONDS);
        assertEquals(Operation.RUN_QUERY, request.operation());
        assertEquals("orders", request.query());
    }

    @Test
    public void cancelAsksTheGatewayAndSaysWhetherSomethingWasRunning() throws Exception {
        FakeGateway gateway = gateway((request, replies) ->
                new ResultStreamWriter(replies, request.correlationId(), "fake", 1024)
                        .finish(Map.of(Protocol.CANCELLED, "running".equals(request.dataset()) ? 1 : 0)));

        assertTrue(client.cancel(gateway.gatewayId(), "running"));
        assertFalse(client.cancel(gateway.gatewayId(), "idle"));

        RequestMessage request = gateway.requests().poll(5, TimeUnit.SECONDS);
        assertEquals(Operation.CANCEL, request.operation());
        assertEquals("running", request.dataset());
    }

    @Test
    public void aCancelAnswerWithoutItsFlagOrWithTablesIsRejected() throws Exception {
        FakeGateway gateway = gateway((request, replies) -> {
            ResultStreamWriter writer = new ResultStreamWriter(replies, request.correlationId(), "fake", 1024);
            if ("with-table".equals(request.dataset())) {
                writer.beginTable("t", new Schema(List.of(new Column("n", ColumnType.INTEGER))));
                writer.endTable(0);
            }
            writer.finish();
        });
        for (String dataset : List.of("no-flag", "with-table")) {
            try {
                client.cancel(gateway.gatewayId(), dataset);
                fail("an answer to cancel that does not say whether anything was cancelled must be refused");
            } catch (PartialResultException expected) {
                // the caller cannot know what happened
            }
        }
    }

    @Test
    public void aGatewayErrorReachesTheCallerWithItsCode() throws Exception {
        FakeGateway gateway = gateway((request, replies) ->
                new ResultStreamWriter(replies, request.correlationId(), "fake", 1024)
                        .fail("UNKNOWN_DATASET", "dataset nope is not configured"));
        try {
            client.refreshDataset(gateway.gatewayId(), "nope", new TestTable.Collector());
            fail("expected the gateway's error");
        } catch (RemoteErrorException e) {
            assertEquals("UNKNOWN_DATASET", e.code());
            assertEquals("UNKNOWN_DATASET: dataset nope is not configured", e.getMessage());
        }
    }

    @Test
    public void anErrorAfterSomeRowsStillFailsTheRefresh() throws Exception {
        FakeGateway gateway = gateway((request, replies) -> {
            ResultStreamWriter writer = new ResultStreamWriter(replies, request.correlationId(), "fake", 1024);
            writer.beginTable("t", new Schema(List.of(new Column("n", ColumnType.INTEGER))));
            writer.row(new Object[]{1});
            writer.endTable(1);
            writer.fail("QUERY_FAILED", "connection reset by the database");
        });
        try {
            client.refreshDataset(gateway.gatewayId(), "sales", new TestTable.Collector());
            fail("expected the gateway's error");
        } catch (RemoteErrorException e) {
            assertEquals("QUERY_FAILED", e.code());
        }
    }

    @Test
    public void aMissingMiddleChunkRejectsTheResult() throws Exception {
        Schema schema = new Schema(List.of(new Column("id", ColumnType.LONG)));
        FakeGateway gateway = gateway((request, replies) -> {
            FrameSender dropsMessageFive = frame -> {
                if (((Number) frame.properties().get(Protocol.SEQUENCE)).longValue() != 5) {
                    replies.send(frame);
                }
            };
            ResultStreamWriter writer = new ResultStreamWriter(dropsMessageFive, request.correlationId(), "fake", 256);
            writer.beginTable("t", schema);
            for (long i = 0; i < 1000; i++) {
                writer.row(new Object[]{i});
            }
            writer.endTable(1000);
            writer.finish();
        });
        try {
            client.refreshDataset(gateway.gatewayId(), "sales", new TestTable.Collector());
            fail("a result with a gap must be rejected");
        } catch (PartialResultException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("expected message 5"));
        }
    }

    @Test
    public void aWrongChecksumRejectsTheResult() throws Exception {
        FakeGateway gateway = gateway((request, replies) -> {
            FrameSender tampering = frame -> replies.send(frame.type().get() == MessageType.END
                    ? withProperty(frame, Protocol.CHECKSUM, "00000000") : frame);
            TestTable.send(request, tampering, 1024, new TestTable("t",
                    new Schema(List.of(new Column("s", ColumnType.STRING))), List.<Object[]>of(new Object[]{"x"})));
        });
        try {
            client.refreshDataset(gateway.gatewayId(), "sales", new TestTable.Collector());
            fail("a checksum mismatch must be rejected");
        } catch (PartialResultException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("checksum"));
        }
    }

    @Test
    public void aCorruptedRowsBodyFailsTheChecksum() throws Exception {
        FakeGateway gateway = gateway((request, replies) -> {
            FrameSender flipping = frame -> {
                if (frame.type().get() == MessageType.ROWS) {
                    byte[] body = frame.body().clone();
                    body[body.length - 1] ^= 1; // inside the last string: still decodes, but differs
                    frame = new Frame(frame.properties(), body);
                }
                replies.send(frame);
            };
            TestTable.send(request, flipping, 1024, new TestTable("t",
                    new Schema(List.of(new Column("s", ColumnType.STRING))), List.<Object[]>of(new Object[]{"abc"})));
        });
        try {
            client.refreshDataset(gateway.gatewayId(), "sales", new TestTable.Collector());
            fail("a corrupted body must be rejected");
        } catch (PartialResultException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("checksum"));
        }
    }

    @Test
    public void noAnswerTimesOutWithinTheFirstMessageTimeout() throws Exception {
        try (GatehouseClient impatient = GatehouseClient.connect(RELAY.endpoint(),
                ClientOptions.defaults().withFirstMessageTimeout(SHORT))) {
            long started = System.nanoTime();
            try {
                impatient.refreshDataset("nobody-" + testName.getMethodName(), "sales", new TestTable.Collector());
                fail("nobody answers");
            } catch (ResultTimeoutException e) {
                Duration waited = Duration.ofNanos(System.nanoTime() - started);
                assertTrue("waited " + waited, waited.compareTo(SHORT) >= 0);
                assertTrue("waited " + waited, waited.compareTo(Duration.ofSeconds(5)) < 0);
                assertEquals("no answer from gateway nobody-" + testName.getMethodName() + " within 0.5 s",
                        e.reason());
                assertEquals(0, e.messagesReceived());
            }
        }
    }

    @Test
    public void aGatewayFallingSilentTimesOutWithinTheIdleTimeout() throws Exception {
        FakeGateway gateway = gateway((request, replies) -> {
            ResultStreamWriter writer = new ResultStreamWriter(replies, request.correlationId(), "fake", 1024);
            writer.beginTable("t", new Schema(List.of(new Column("n", ColumnType.INTEGER))));
            // and then nothing: the gateway died after the schema
        });
        try (GatehouseClient impatient = GatehouseClient.connect(RELAY.endpoint(),
                ClientOptions.defaults().withIdleTimeout(SHORT))) {
            impatient.refreshDataset(gateway.gatewayId(), "sales", new TestTable.Collector());
            fail("the result never ends");
        } catch (ResultTimeoutException e) {
            assertEquals("no message for 0.5 s after message 0 of the result", e.reason());
            assertEquals(1, e.messagesReceived());
            assertTrue(e.getMessage().startsWith("partial result rejected: "));
        }
    }

    @Test
    public void messagesOfAnotherCorrelationIdAreIgnored() throws Exception {
        TestTable real = new TestTable("t", new Schema(List.of(new Column("n", ColumnType.INTEGER))),
                List.<Object[]>of(new Object[]{1}, new Object[]{2}));
        FakeGateway gateway = gateway((request, replies) -> {
            RequestMessage stale = RequestMessage.refreshDataset("some-earlier-request", request.replyTo(), "x");
            TestTable.send(stale, replies, 1024, new TestTable("stale", real.schema(),
                    List.<Object[]>of(new Object[]{99})));
            TestTable.send(request, replies, 1024, real);
        });

        TestTable.Collector result = new TestTable.Collector();
        RefreshSummary summary = client.refreshDataset(gateway.gatewayId(), "sales", result);

        assertEquals(2, summary.rows());
        assertEquals(List.of("t"), result.tables.stream().map(TableHeader::name).toList());
    }

    @Test
    public void aListenerThatCannotWriteStopsTheRefreshWithItsException() throws Exception {
        FakeGateway gateway = gateway(TestTable.answering(new TestTable("t",
                new Schema(List.of(new Column("n", ColumnType.INTEGER))), List.<Object[]>of(new Object[]{1}))));
        try {
            client.refreshDataset(gateway.gatewayId(), "sales", new ResultStreamReader.Listener() {
                @Override
                public void beginTable(TableHeader table) throws IOException {
                    throw new IOException("disk full");
                }

                @Override
                public void row(Object[] values) {
                }
            });
            fail("the listener's failure must surface");
        } catch (IOException e) {
            assertEquals("disk full", e.getMessage());
        }
    }

    @Test
    public void aMalformedRequestIsAnsweredWithAnError() throws Exception {
        gateway(TestTable.answering());
        String address = Protocol.requestAddress(gateways.get(0).gatewayId());
        try (RawExchange exchange = client.openExchange()) {
            Map<String, Object> noVersion = new HashMap<>();
            noVersion.put(Protocol.REPLY_TO, exchange.replyAddress());
            noVersion.put(Protocol.CORRELATION_ID, "raw-1");
            exchange.send(address, noVersion, null);
            Frame error = exchange.receive(Duration.ofSeconds(10)).orElseThrow();
            assertEquals(Optional.of(MessageType.ERROR), error.type());
            assertEquals("raw-1", error.string(Protocol.CORRELATION_ID));
            assertEquals(ErrorCode.BAD_REQUEST, error.string(Protocol.ERROR_CODE));
            assertEquals("request has no gatehouse_protocol", error.string(Protocol.ERROR_MESSAGE));

            Map<String, Object> futureVersion = new LinkedHashMap<>(RequestMessage.refreshDataset("raw-2",
                    exchange.replyAddress(), "sales").toFrame().properties());
            futureVersion.put(Protocol.PROTOCOL_VERSION, 2);
            exchange.send(address, futureVersion, new byte[0]);
            Frame unsupported = exchange.receive(Duration.ofSeconds(10)).orElseThrow();
            assertEquals(ErrorCode.UNSUPPORTED_VERSION, unsupported.string(Protocol.ERROR_CODE));
            assertEquals("raw-2", unsupported.string(Protocol.CORRELATION_ID));

            assertFalse(exchange.receive(Duration.ofMillis(100)).isPresent());
        }
    }

    @Test
    public void framePropertiesKeepTheirTypesAcrossTheRelay() throws Exception {
        try (RawExchange exchange = client.openExchange()) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("gatehouse_text", "x");
            properties.put("gatehouse_int", 1);
            properties.put("gatehouse_long", 1L << 40);
            exchange.send(exchange.replyAddress(), properties, new byte[]{1, 2, 3});

            Frame echo = exchange.receive(Duration.ofSeconds(10)).orElseThrow();
            assertEquals(properties, echo.properties());
            assertArrayEquals(new byte[]{1, 2, 3}, echo.body());
        }
    }

    @Test
    public void awaitHeartbeatReturnsTheGatewaysHeartbeat() throws Exception {
        FakeGateway gateway = gateway(TestTable.answering())
                .publishHeartbeats(Duration.ofMillis(100), List.of("sql@0.1.0", "file@0.1.0"));
        FakeGateway other = gateway(TestTable.answering(), "other-" + testName.getMethodName())
                .publishHeartbeats(Duration.ofMillis(50), List.of());

        Heartbeat heartbeat = client.awaitHeartbeat(gateway.gatewayId(), Duration.ofSeconds(10)).orElseThrow();

        assertEquals(gateway.gatewayId(), heartbeat.gatewayId());
        assertEquals("0.1.0-test", heartbeat.version());
        assertEquals(Protocol.requestAddress(gateway.gatewayId()), heartbeat.requestAddress());
        assertEquals(List.of("sql@0.1.0", "file@0.1.0"), heartbeat.connectors());
        assertFalse(other.gatewayId().equals(heartbeat.gatewayId()));
    }

    @Test
    public void awaitHeartbeatGivesUpAfterTheTimeout() throws Exception {
        assertEquals(Optional.empty(), client.awaitHeartbeat("silent", Duration.ofMillis(300)));
    }

    @Test
    public void watchHeartbeatsDeliversUntilClosed() throws Exception {
        BlockingQueue<Heartbeat> seen = new LinkedBlockingQueue<>();
        try (HeartbeatSubscription subscription = client.watchHeartbeats(Protocol.DEFAULT_EVENTS_ADDRESS, seen::add)) {
            FakeGateway gateway = gateway(TestTable.answering()).publishHeartbeats(Duration.ofMillis(100), List.of());
            Heartbeat heartbeat = seen.poll(10, TimeUnit.SECONDS);
            assertEquals(gateway.gatewayId(), heartbeat.gatewayId());
        }
        gateways.get(0).close();
        gateways.clear();
        seen.clear();
        assertNull(seen.poll(300, TimeUnit.MILLISECONDS));
    }

    private FakeGateway gateway(FakeGateway.Responder responder) throws Exception {
        return gateway(responder, "gw-" + testName.getMethodName());
    }

    private FakeGateway gateway(FakeGateway.Responder responder, String id) throws Exception {
        FakeGateway gateway = new FakeGateway(RELAY.endpoint(), id, responder);
        gateways.add(gateway);
        return gateway;
    }

    private static Frame withProperty(Frame frame, String name, Object value) {
        Map<String, Object> properties = new LinkedHashMap<>(frame.properties());
        properties.put(name, value);
        return new Frame(properties, frame.body());
    }
}
