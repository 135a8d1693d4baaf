package org.gatehouse.client;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import org.gatehouse.protocol.Frame;
import org.gatehouse.protocol.ProtocolException;

/**
 * One conversation with a gateway: a private reply queue with a consumer on it, and a way to send frames to any
 * address. {@link GatehouseClient} runs every request through one; tests use it directly to send requests the SDK
 * would never build (missing properties, a wrong protocol version) and read whatever comes back.
 * <p>
 * The reply queue is a named queue, {@code gatehouse.client.<uuid>}, not a JMS temporary queue: Azure Service Bus
 * does not offer temporary queues in every tier. Artemis creates the queue when the consumer attaches and deletes
 * it once it is empty and without consumer (its reaper runs every 30 s by default), which is the case after
 * {@link #close()} of a completed exchange; replies still arriving for an abandoned exchange keep it alive until
 * they expire. Service Bus does not create entities on attach: there the queue has to be provisioned, with
 * auto-delete-on-idle, before the request is sent.
 * <p>
 * Not thread-safe: it owns one JMS session.
 */
public final class RawExchange implements AutoCloseable {

    /** Reply queues are named with this prefix and a random UUID. */
    public static final String REPLY_QUEUE_PREFIX = "gatehouse.client.";

    private final Session session;
    private final Queue replyQueue;
    private final MessageConsumer consumer;
    private final MessageProducer producer;

    RawExchange(Connection connection) throws RelayException {
        this(connection, REPLY_QUEUE_PREFIX + UUID.randomUUID());
    }

    /** An exchange reading {@code queue}: a reply queue of its own, or an address results are delivered to. */
    RawExchange(Connection connection, String queue) throws RelayException {
        Session opened = null;
        try {
            opened = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session = opened;
            replyQueue = session.createQueue(queue);
            // the consumer exists before any request goes out, so no reply can arrive at a queue nobody reads yet
            consumer = session.createConsumer(replyQueue);
            producer = session.createProducer(null);
        } catch (JMSException e) {
            closeQuietly(opened);
            throw new RelayException("opening a reply queue on the relay", e);
        }
    }

    /** The address of this exchange's reply queue: what a request's reply-to property should name. */
    public String replyAddress() {
        try {
            return replyQueue.getQueueName();
        } catch (JMSException e) {
            throw new IllegalStateException(e); // a queue created from a name always knows it
        }
    }

    /** Sends a frame to a queue. */
    public void send(String address, Frame frame) throws RelayException {
        send(address, frame, Message.DEFAULT_TIME_TO_LIVE);
    }

    /** Sends arbitrary properties and body, as a test of a gateway's input checks would. */
    public void send(String address, Map<String, Object> properties, byte[] body) throws RelayException {
        send(address, new Frame(properties, body));
    }

    /**
     * Sends a frame that expires on the relay after {@code timeToLiveMillis} (0 = never), so that a gateway coming
     * online late does not work on a request whose requester has given up.
     */
    void send(String address, Frame frame, long timeToLiveMillis) throws RelayException {
        try {
            producer.send(session.createQueue(address), JmsFrames.toMessage(session, frame),
                    producer.getDeliveryMode(), producer.getPriority(), timeToLiveMillis);
        } catch (JMSException e) {
            throw new RelayException("sending to " + address, e);
        }
    }

    /**
     * Waits up to {@code timeout} for the next message on the reply queue.
     *
     * @return the message as a frame, or empty when the time ran out
     * @throws ProtocolException when the message cannot be a frame (not a bytes message)
     */
    public Optional<Frame> receive(Duration timeout) throws RelayException, ProtocolException {
        long millis = timeout.toMillis();
        try {
            // JMS reads receive(0) as "wait forever", the opposite of a spent timeout
            Message message = millis <= 0 ? consumer.receiveNoWait() : consumer.receive(millis);
            return message == null ? Optional.empty() : Optional.of(JmsFrames.toFrame(message));
        } catch (JMSException e) {
            throw new RelayException("receiving from " + replyAddress(), e);
        }
    }

    /** Closes the consumer and the session; the relay then drops the reply queue (see the class comment). */
    @Override
    public void close() {
        closeQuietly(session);
    }

    private static void closeQuietly(Session session) {
        if (session == null) {
            return;
        }
        try {
            session.close();
        } catch (JMSException e) {
            // the connection is going or gone; nothing is left to release on this side
        }
    }
}
