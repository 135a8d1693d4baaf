package org.gatehouse.client;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import org.apache.qpid.jms.JmsConnectionFactory;
import org.gatehouse.protocol.Frame;
import org.gatehouse.protocol.FrameSender;
import org.gatehouse.protocol.Heartbeat;
import org.gatehouse.protocol.Protocol;
import org.gatehouse.protocol.ProtocolException;
import org.gatehouse.protocol.RelayEndpoint;
import org.gatehouse.protocol.RequestMessage;
import org.gatehouse.protocol.ResultStreamWriter;

/**
 * A stand-in gateway for client tests, in plain JMS: takes requests from its request queue, answers malformed ones
 * with the protocol's error message (as the real relay route must), and hands the others to a {@link Responder}.
 * It can also publish heartbeats.
 */
public final class FakeGateway implements AutoCloseable {

    /** Answers one parsed request by sending frames to the requester. */
    @FunctionalInterface
    public interface Responder {
        void respond(RequestMessage request, FrameSender replies) throws Exception;
    }

    private final String gatewayId;
    private final Responder responder;
    private final Connection connection;
    private final Session session;
    private final MessageProducer producer;
    private final BlockingQueue<RequestMessage> requests = new LinkedBlockingQueue<>();
    private ScheduledExecutorService heartbeats;

    public FakeGateway(RelayEndpoint relay, String gatewayId, Responder responder) throws JMSException {
        this.gatewayId = gatewayId;
        this.responder = responder;
        connection = new JmsConnectionFactory(relay.user(), relay.password(), relay.connectionUri())
                .createConnection();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        producer = session.createProducer(null);
        session.createConsumer(session.createQueue(Protocol.requestAddress(gatewayId)))
                .setMessageListener(this::onRequest);
        connection.start();
    }

    public String gatewayId() {
        return gatewayId;
    }

    /** The requests that parsed, in arrival order. */
    public BlockingQueue<RequestMessage> requests() {
        return requests;
    }

    /** Publishes a heartbeat on the events topic every {@code interval} until closed. */
    public FakeGateway publishHeartbeats(Duration interval, List<String> connectors) throws JMSException {
        Session heartbeatSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer publisher = heartbeatSession.createProducer(
                heartbeatSession.createTopic(Protocol.DEFAULT_EVENTS_ADDRESS));
        Heartbeat heartbeat = new Heartbeat(gatewayId, "0.1.0-test", Protocol.requestAddress(gatewayId), connectors,
                null);
        heartbeats = Executors.newSingleThreadScheduledExecutor();
        heartbeats.scheduleAtFixedRate(() -> {
            try {
                publisher.send(JmsFrames.toMessage(heartbeatSession, heartbeat.toFrame()));
            } catch (JMSException e) {
                // the test is over or the broker is gone: the next tick tries again
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** A sender of frames to an address, for responders that answer somewhere else. */
    public FrameSender senderTo(String address) {
        return frame -> {
            try {
                producer.send(session.createQueue(address), JmsFrames.toMessage(session, frame));
            } catch (JMSException e) {
                throw new IOException("fake gateway cannot send to " + address, e);
            }
        };
    }

    private void onRequest(Message message) {
        try {
            Frame frame = JmsFrames.toFrame(message);
            RequestMessage request;
            try {
                request = RequestMessage.parse(frame);
            } catch (ProtocolException e) {
                String replyTo = RequestMessage.replyAddressOf(frame);
                if (replyTo != null) {
                    ResultStreamWriter.sendError(senderTo(replyTo), frame.string(Protocol.CORRELATION_ID), gatewayId,
                            0, e.code(), e.getMessage());
                }
                return;
            }
            requests.add(request);
            responder.respond(request, senderTo(request.replyTo()));
        } catch (Exception e) {
            throw new IllegalStateException("fake gateway " + gatewayId + " failed", e);
        }
    }

    @Override
    public void close() throws JMSException {
        if (heartbeats != null) {
            heartbeats.shutdownNow();
        }
        connection.close();
    }
}
