package org.gatehouse.relay.impl;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;

import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The relay link's one shared connection, and whether it is up right now. Qpid JMS connects (TCP, SASL, AMQP open)
 * inside createConnection, so a connection handed to {@link #prepareConnection} is a live one; the connection's
 * exception listener is how Qpid reports that it died (the broker went away, the network dropped). Between the two the
 * link is down, while the listener container retries every second.
 */
final class ObservedConnectionFactory extends CachingConnectionFactory {

    private volatile boolean connected;

    ObservedConnectionFactory(ConnectionFactory target) {
        super(target);
        // the link survives a lost connection: the next user of the factory makes a new one
        setReconnectOnException(true);
    }

    boolean isConnected() {
        return connected;
    }

    @Override
    protected void prepareConnection(Connection connection) throws JMSException {
        super.prepareConnection(connection);
        connected = true;
    }

    @Override
    public void onException(JMSException failure) {
        connected = false;
        super.onException(failure);
    }

    @Override
    public void resetConnection() {
        connected = false;
        super.resetConnection();
    }
}
