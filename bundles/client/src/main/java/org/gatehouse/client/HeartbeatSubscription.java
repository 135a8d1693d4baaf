package org.gatehouse.client;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.gatehouse.protocol.Frame;
import org.gatehouse.protocol.Heartbeat;
import org.gatehouse.protocol.MessageType;
import org.gatehouse.protocol.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A non-durable subscription to the events topic, delivering gateways' heartbeats; closing it ends the
 * subscription. Other events on the topic, and messages that are not frames, are skipped.
 * <p>
 * On Azure Service Bus a non-durable topic subscriber needs the premium tier (JMS 2.0); elsewhere a subscription
 * has to be provisioned and read as a queue.
 */
public final class HeartbeatSubscription implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatSubscription.class);

    private final Session session;

    private HeartbeatSubscription(Session session) {
        this.session = session;
    }

    static HeartbeatSubscription listen(Connection connection, String eventsAddress, Consumer<Heartbeat> consumer)
            throws RelayException {
        Session session = null;
        try {
            session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer subscriber = session.createConsumer(session.createTopic(eventsAddress));
            subscriber.setMessageListener(message -> heartbeatOf(message).ifPresent(heartbeat -> {
                try {
                    consumer.accept(heartbeat);
                } catch (RuntimeException e) {
                    LOG.warn("heartbeat consumer failed on a heartbeat of {}", heartbeat.gatewayId(), e);
                }
            }));
            return new HeartbeatSubscription(session);
        } catch (JMSException e) {
            closeQuietly(session);
            throw new RelayException("subscribing to " + eventsAddress, e);
        }
    }

    static Waiter waiter(Connection connection, String eventsAddress) throws RelayException {
        Session session = null;
        try {
            session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            return new Waiter(session, session.createConsumer(session.createTopic(eventsAddress)));
        } catch (JMSException e) {
            closeQuietly(session);
            throw new RelayException("subscribing to " + eventsAddress, e);
        }
    }

    @Override
    public void close() {
        closeQuietly(session);
    }

    private static Optional<Heartbeat> heartbeatOf(Message message) {
        try {
            Frame frame = JmsFrames.toFrame(message);
            if (frame.type().orElse(null) != MessageType.HEARTBEAT) {
                return Optional.empty();
            }
            return Optional.of(Heartbeat.parse(frame));
        } catch (JMSException | ProtocolException e) {
            LOG.debug("skipping an unreadable message on the events address: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static void closeQuietly(Session session) {
        if (session == null) {
            return;
        }
        try {
            session.close();
        } catch (JMSException e) {
            // the connection is going or gone
        }
    }

    /** A short-lived synchronous subscription that waits for one gateway's heartbeat. */
    static final class Waiter implements AutoCloseable {
        private final Session session;
        private final MessageConsumer subscriber;

        private Waiter(Session session, MessageConsumer subscriber) {
            this.session = session;
            this.subscriber = subscriber;
        }

        Optional<Heartbeat> await(String gatewayId, Duration timeout) throws RelayException {
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                while (true) {
                    long millisLeft = (deadline - System.nanoTime()) / 1_000_000;
                    if (millisLeft <= 0) {
                        return Optional.empty();
                    }
                    Message message = subscriber.receive(millisLeft);
                    if (message == null) {
                        return Optional.empty();
                    }
                    Optional<Heartbeat> heartbeat = heartbeatOf(message);
                    if (heartbeat.isPresent() && gatewayId.equals(heartbeat.get().gatewayId())) {
                        return heartbeat;
                    }
                }
            } catch (JMSException e) {
                throw new RelayException("waiting for a heartbeat of " + gatewayId, e);
            }
        }

        @Override
        public void close() {
            closeQuietly(session);
        }
    }
}
