package org.gatehouse.relay.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.gatehouse.api.Column;
import org.gatehouse.api.ColumnType;
import org.gatehouse.api.Schema;
import org.gatehouse.api.gateway.RefreshFailure;
import org.gatehouse.api.gateway.ScheduleDisabled;
import org.gatehouse.api.refresh.ConnectorInfo;
import org.gatehouse.api.refresh.FailureReason;
import org.gatehouse.api.refresh.RefreshException;
import org.gatehouse.api.refresh.RefreshOutcome;
import org.gatehouse.api.refresh.RefreshRequest;
import org.gatehouse.api.refresh.RefreshService;
import org.gatehouse.api.refresh.ResultDelivery;
import org.gatehouse.api.refresh.ResultSink;
import org.gatehouse.protocol.Frame;
import org.gatehouse.protocol.Heartbeat;
import org.gatehouse.protocol.Protocol;
import org.gatehouse.protocol.RemoteErrorException;
import org.gatehouse.protocol.RequestMessage;
import org.gatehouse.protocol.ResultStreamReader;
import org.gatehouse.protocol.TableHeader;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The relay routes against a real Artemis broker speaking AMQP 1.0, with a refresh service that generates rows in
 * place of the core: requests in, framed results out, bad requests answered, heartbeats, a broker restart.
 */
public class RelayLinkTest {

    private static final String GATEWAY = "test";
    private static final Schema NUMBERS = new Schema(List.of(new Column("id", ColumnType.LONG),
            new Column("label", ColumnType.STRING)));

    private int port;
    private EmbeddedActiveMQ broker;
    private RelayLink link;
    private Connection client;
    private final GeneratingRefreshService refreshes = new GeneratingRefreshService();

    @Before
    public void start() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        broker = startBroker(port);
        link = new RelayLink(config("amqp://127.0.0.1:" + port), "1.2.3", refreshes,
                () -> List.of(new ConnectorInfo("sql", "0.1.0")));
        client = new JmsConnectionFactory("amqp://127.0.0.1:" + port).createConnection();
        client.start();
    }

    @After
    public void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (link != null) {
            link.deactivate();
        }
        broker.stop();
    }

    @Test
    public void aRefreshStreamsEveryRowInBoundedVerifiedChunks() throws Exception {
        Exchange exchange = request(RequestMessage.refreshDataset(UUID.randomUUID().toString(), replyQueue(),
                "numbers"));
        ResultStreamReader reader = exchange.readAll();
        assertEquals(50_000, reader.rows());
        assertEquals(1, reader.tables());
        assertTrue("rows should span many messages", exchange.messages > 10);
    }

    @Test
    public void aFailedRefreshIsAnsweredWithItsReason() throws Exception {
        Exchange exchange = request(RequestMessage.refreshDataset("c-1", replyQueue(), "missing"));
        try {
            exchange.readAll();
            fail("error expected");
        } catch (RemoteErrorException e) {
            assertEquals("UNKNOWN_DATASET", e.code());
            assertTrue(e.getMessage().contains("missing"));
        }
    }

    @Test
    public void aCancelRequestStopsTheRunningRefreshWhoseRequesterGetsCancelled() throws Exception {
        Exchange refresh = request(RequestMessage.refreshDataset("c-refresh", replyQueue(), "endless"));
        assertTrue("the endless refresh never started", refreshes.endlessStarted.await(10, TimeUnit.SECONDS));

        ResultStreamReader cancelAnswer = request(RequestMessage.cancel("c-cancel", replyQueue(), "endless"))
                .readAll();
        assertEquals(0, cancelAnswer.tables());
        assertEquals(1, cancelAnswer.endMessage().orElseThrow().number(Protocol.CANCELLED));
        assertEquals("relay", refreshes.cancelledBy);
        try {
            refresh.readAll();
            fail("the cancelled refresh's requester should get an error");
        } catch (RemoteErrorException e) {
            assertEquals("CANCELLED", e.code());
            assertEquals("CANCELLED: cancelled by relay", e.getMessage());
        }

        ResultStreamReader nothingRunning = request(RequestMessage.cancel("c-cancel-2", replyQueue(), "endless"))
                .readAll();
        assertEquals(0, nothingRunning.endMessage().orElseThrow().number(Protocol.CANCELLED));
    }

    @Test
    public void malformedRequestsAreAnsweredAndTheGatewayKeepsServing() throws Exception {
        Map<String, Object> wrongVersion = new HashMap<>(RequestMessage.refreshDataset("c-2", replyQueue(),
                "numbers").toFrame().properties());
        wrongVersion.put(Protocol.PROTOCOL_VERSION, 7);
        assertAnsweredWith(wrongVersion, "UNSUPPORTED_VERSION");

        Map<String, Object> noDataset = new HashMap<>(RequestMessage.refreshDataset("c-3", replyQueue(), "numbers")
                .toFrame().properties());
        noDataset.remove(Protocol.DATASET);
        assertAnsweredWith(noDataset, "BAD_REQUEST");

        assertEquals(50_000, request(RequestMessage.refreshDataset("c-4", replyQueue(), "numbers")).readAll()
                .rows());
    }

    @Test
    public void aRequestNobodyCanBeAnsweredIsKeptOnTheDeadLetterQueue() throws Exception {
        Map<String, Object> noReplyTo = new HashMap<>(RequestMessage.refreshDataset("c-dl", "x", "numbers")
                .toFrame().properties());
        noReplyTo.remove(Protocol.REPLY_TO);
        request(new Frame(noReplyTo, null), replyQueue(), "c-dl");

        Session session = client.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Message kept = session.createConsumer(session.createQueue(RelayRoutes.deadLetterAddress(GATEWAY)))
                .receive(10_000);
        assertNotNull("the unanswerable request was lost", kept);
        assertEquals("c-dl", kept.getStringProperty(Protocol.CORRELATION_ID));
    }

    @Test
    public void heartbeatsNameTheGatewayAndItsConnectors() throws Exception {
        Session session = client.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer events = session.createConsumer(session.createTopic(Protocol.DEFAULT_EVENTS_ADDRESS));
        Message message = events.receive(5_000);
        assertNotNull("no heartbeat within 5 s", message);
        Heartbeat heartbeat = Heartbeat.parse(frameOf(message));
        assertEquals(GATEWAY, heartbeat.gatewayId());
        assertEquals("1.2.3", heartbeat.version());
        assertEquals(List.of("sql@0.1.0"), heartbeat.connectors());
        assertEquals(Protocol.requestAddress(GATEWAY), heartbeat.requestAddress());
    }

    @Test
    public void theLinkComesBackAfterTheBrokerRestarts() throws Exception {
        client.close();
        client = null;
        broker.stop();
        Thread.sleep(1_500);
        broker = startBroker(port);
        client = new JmsConnectionFactory("amqp://127.0.0.1:" + port).createConnection();
        client.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                Exchange exchange = request(RequestMessage.refreshDataset(UUID.randomUUID().toString(),
                        replyQueue(), "numbers"));
                assertEquals(50_000, exchange.readAll(5_000).rows());
                return;
            } catch (NoAnswerException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("gateway did not come back within 30 s of the broker restart");
                }
            }
        }
    }

    @Test
    public void theStatusNamesGatewayRelayAndVersionButNoCredentials() throws Exception {
        RelayLink withCredentials = new RelayLink(config("amqp://owner:s3cret-pw@127.0.0.1:" + port), "1.2.3",
                new GeneratingRefreshService(), List::of);
        try {
            assertEquals(GATEWAY, withCredentials.gatewayId());
            assertEquals("amqp://127.0.0.1:" + port, withCredentials.relayAddress());
            assertEquals("1.2.3", withCredentials.version());
        } finally {
            withCredentials.deactivate();
        }
    }

    @Test
    public void theStatusFollowsTheRelayGoingAwayAndComingBack() throws Exception {
        awaitTrue("connected after start", Duration.ofSeconds(10), link::connected);
        awaitTrue("a heartbeat published after start", Duration.ofSeconds(10), () -> link.lastHeartbeat().isPresent());

        client.close();
        client = null;
        broker.stop();
        awaitTrue("disconnected once the broker is gone", Duration.ofSeconds(10), () -> !link.connected());
        Optional<Instant> beforeOutage = link.lastHeartbeat();
        // heartbeats are due every second: three of them fail while the relay is away and must not count as sent
        Thread.sleep(3_000);
        assertFalse("still disconnected while the broker is away", link.connected());
        assertEquals("a heartbeat that was not published was recorded", beforeOutage, link.lastHeartbeat());

        broker = startBroker(port);
        awaitTrue("connected again after the broker restarted", Duration.ofSeconds(30), link::connected);
        awaitTrue("heartbeats published again", Duration.ofSeconds(10),
                () -> link.lastHeartbeat().orElseThrow().isAfter(beforeOutage.orElseThrow()));
    }

    @Test
    public void aFailedRefreshIsPublishedAsAJsonEventOnTheGatewaysEventsQueue() throws Exception {
        Session session = client.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer events = session.createConsumer(session.createQueue("gatehouse." + GATEWAY + ".events"));
        link.failureEvents().refreshFailed(new RefreshFailure(42, "sales \"eu\"", "relay", "QUERY_FAILED",
                "query 'q' failed:\nno such table", Instant.parse("2026-11-28T10:15:00Z"),
                Instant.parse("2026-11-28T10:15:02Z")));

        Message event = events.receive(10_000);
        assertNotNull("no failure event", event);
        assertEquals("refresh-failed", event.getStringProperty(Protocol.TYPE));
        assertEquals(GATEWAY, event.getStringProperty(Protocol.GATEWAY_ID));
        assertEquals("sales \"eu\"", event.getStringProperty(Protocol.DATASET));
        assertEquals(1, event.getIntProperty(Protocol.PROTOCOL_VERSION));
        assertEquals("kept until read", jakarta.jms.DeliveryMode.PERSISTENT, event.getJMSDeliveryMode());
        assertEquals("{\"type\":\"refresh-failed\",\"protocol\":1,\"gateway\":\"" + GATEWAY + "\","
                + "\"dataset\":\"sales \\\"eu\\\"\",\"historyId\":42,\"trigger\":\"relay\","
                + "\"reason\":\"QUERY_FAILED\",\"message\":\"query 'q' failed:\\nno such table\","
                + "\"started\":\"2026-11-28T10:15:00Z\",\"ended\":\"2026-11-28T10:15:02Z\"}",
                ((TextMessage) event).getText());
    }

    @Test
    public void aDisabledScheduleIsPublishedOnTheEventsQueueToo() throws Exception {
        Session session = client.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer events = session.createConsumer(session.createQueue("gatehouse." + GATEWAY + ".events"));
        link.failureEvents().scheduleDisabled(new ScheduleDisabled("sales", 4, "the source is down",
                Instant.parse("2026-11-28T10:15:00Z")));

        Message event = events.receive(10_000);
        assertNotNull("no event", event);
        assertEquals("schedule-disabled", event.getStringProperty(Protocol.TYPE));
        assertEquals("sales", event.getStringProperty(Protocol.DATASET));
        assertEquals("{\"type\":\"schedule-disabled\",\"protocol\":1,\"gateway\":\"" + GATEWAY + "\","
                + "\"dataset\":\"sales\",\"consecutiveFailures\":4,\"message\":\"the source is down\","
                + "\"disabled\":\"2026-11-28T10:15:00Z\"}", ((TextMessage) event).getText());
    }

    private static void awaitTrue(String what, Duration timeout, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not " + what + " within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }

    private void assertAnsweredWith(Map<String, Object> properties, String code) throws Exception {
        Exchange exchange = request(new Frame(properties, null), (String) properties.get(Protocol.REPLY_TO),
                (String) properties.get(Protocol.CORRELATION_ID));
        try {
            exchange.readAll();
            fail("error expected");
        } catch (RemoteErrorException e) {
            assertEquals(code, e.code());
        }
    }

    @Test
    public void aResultNobodyAskedForGoesToItsAddressFramedLikeAnAnswer() throws Exception {
        ResultDelivery delivery = link.resultDelivery();
        String address = delivery.defaultAddress("numbers");
        assertEquals("gatehouse." + GATEWAY + ".results", address);
        Session session = client.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Exchange received = new Exchange(session.createConsumer(session.createQueue(address)), "scheduled-1");

        ResultDelivery.Delivery result = delivery.open(address, "scheduled-1", "numbers");
        refreshes.refresh(RefreshRequest.wholeDataset("numbers", "schedule"), result);
        result.finish();

        assertEquals(50_000, received.readAll().rows());
        assertEquals("every message names its dataset", "numbers", received.last.string(Protocol.DATASET));
    }

    private static String replyQueue() {
        return "gatehouse.client." + UUID.randomUUID();
    }

    private Exchange request(RequestMessage request) throws Exception {
        return request(request.toFrame(), request.replyTo(), request.correlationId());
    }

    private Exchange request(Frame frame, String replyTo, String correlationId) throws Exception {
        Session session = client.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer replies = session.createConsumer(session.createQueue(replyTo));
        BytesMessage message = session.createBytesMessage();
        for (Map.Entry<String, Object> p : frame.properties().entrySet()) {
            message.setObjectProperty(p.getKey(), p.getValue());
        }
        session.createProducer(session.createQueue(Protocol.requestAddress(GATEWAY))).send(message);
        return new Exchange(replies, correlationId);
    }

    private static Frame frameOf(Message message) throws JMSException {
        Map<String, Object> properties = new HashMap<>();
        for (Enumeration<?> names = message.getPropertyNames(); names.hasMoreElements(); ) {
            String name = (String) names.nextElement();
            properties.put(name, message.getObjectProperty(name));
        }
        byte[] body = null;
        if (message instanceof BytesMessage bytes) {
            body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
        }
        return new Frame(properties, body);
    }

    private static final class NoAnswerException extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private static final class Exchange {
        final MessageConsumer replies;
        final String correlationId;
        int messages;
        Frame last;

        Exchange(MessageConsumer replies, String correlationId) {
            this.replies = replies;
            this.correlationId = correlationId;
        }

        ResultStreamReader readAll() throws Exception {
            return readAll(10_000);
        }

        ResultStreamReader readAll(long timeoutMillis) throws Exception {
            ResultStreamReader reader = new ResultStreamReader(correlationId, new ResultStreamReader.Listener() {
                @Override
                public void beginTable(TableHeader table) {
                    assertEquals(NUMBERS, table.schema());
                }

                @Override
                public void row(Object[] values) {
                }
            });
            while (true) {
                Message message = replies.receive(timeoutMillis);
                if (message == null) {
                    throw new NoAnswerException();
                }
                messages++;
                // results are transient: never journalled, and they expire if nobody reads them
                assertEquals(jakarta.jms.DeliveryMode.NON_PERSISTENT, message.getJMSDeliveryMode());
                assertTrue("result message without expiry", message.getJMSExpiration() > 0);
                last = frameOf(message);
                if (reader.accept(last)) {
                    return reader;
                }
            }
        }
    }

    private static EmbeddedActiveMQ startBroker(int port) throws Exception {
        EmbeddedActiveMQ embedded = new EmbeddedActiveMQ();
        embedded.setConfiguration(new ConfigurationImpl().setPersistenceEnabled(false).setSecurityEnabled(false)
                .addAcceptorConfiguration("amqp", "tcp://127.0.0.1:" + port + "?protocols=AMQP"));
        embedded.start();
        return embedded;
    }

    /**
     * A refresh service that makes up 50,000 rows for "numbers"; for "endless", 1,000 rows and then waits until it
     * is cancelled, as a slow data source would; knows no other dataset.
     */
    private static final class GeneratingRefreshService implements RefreshService {
        final CountDownLatch endlessStarted = new CountDownLatch(1);
        private final CountDownLatch endlessCancelled = new CountDownLatch(1);
        volatile String cancelledBy;

        @Override
        public boolean cancel(String dataset, String requestedBy) {
            if (!dataset.equals("endless") || endlessStarted.getCount() > 0 || cancelledBy != null) {
                return false;
            }
            cancelledBy = requestedBy;
            endlessCancelled.countDown();
            return true;
        }

        private RefreshOutcome endless(ResultSink sink) throws RefreshException {
            try {
                sink.beginTable("numbers", NUMBERS);
                for (long i = 0; i < 1_000; i++) {
                    sink.row(new Object[]{i, "label " + i});
                }
                endlessStarted.countDown();
                if (!endlessCancelled.await(30, TimeUnit.SECONDS)) {
                    throw new RefreshException(FailureReason.INTERNAL_ERROR, "never cancelled");
                }
                throw new RefreshException(FailureReason.CANCELLED, "cancelled by " + cancelledBy);
            } catch (IOException e) {
                throw new RefreshException(FailureReason.DELIVERY_FAILED, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RefreshException(FailureReason.INTERNAL_ERROR, "interrupted");
            }
        }

        @Override
        public RefreshOutcome refresh(RefreshRequest request, ResultSink sink) throws RefreshException {
            if (request.dataset().equals("endless")) {
                return endless(sink);
            }
            if (!request.dataset().equals("numbers")) {
                throw new RefreshException(FailureReason.UNKNOWN_DATASET, "dataset '" + request.dataset()
                        + "' is not defined on this gateway");
            }
            try {
                sink.beginTable("numbers", NUMBERS);
                for (long i = 0; i < 50_000; i++) {
                    sink.row(new Object[]{i, "label " + i});
                }
                sink.endTable(50_000);
            } catch (IOException e) {
                throw new RefreshException(FailureReason.DELIVERY_FAILED, e.getMessage());
            }
            return new RefreshOutcome("numbers", 1, 50_000, Duration.ZERO);
        }

        @Override
        public List<String> datasets() {
            return List.of("numbers");
        }
    }

    static RelayConfig config(String url) {
        return new RelayConfig() {
            @Override public Class<? extends Annotation> annotationType() { return RelayConfig.class; }
            @Override public String url() { return url; }
            @Override public String user() { return ""; }
            @Override public String password() { return ""; }
            @Override public String gatewayId() { return GATEWAY; }
            @Override public String eventsAddress() { return Protocol.DEFAULT_EVENTS_ADDRESS; }
            @Override public int heartbeatSeconds() { return 1; }
            @Override public int maxChunkBytes() { return 64 * 1024; }
            @Override public int concurrentRequests() { return 2; }
            @Override public int replyTimeToLiveSeconds() { return 60; }
        };
    }
}
