package org.gatehouse.relay.embedded.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Starts the real broker on a free loopback port and talks to it with the real Qpid JMS client. */
public class EmbeddedBrokerTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private EmbeddedBroker broker;

    @After
    public void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    public void autoCreatesQueuesAndDeliversOverAmqp() throws Exception {
        broker = EmbeddedBroker.start(settings(freePort()));
        try (Connection connection = connect(broker.settings())) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue("gatehouse.test.requests");
            session.createProducer(queue).send(session.createTextMessage("refresh sales"));

            Message received = session.createConsumer(queue).receive(5000);
            assertEquals("refresh sales", ((TextMessage) received).getText());
        }
    }

    @Test
    public void answersOnReplyQueuesTheClientCreates() throws Exception {
        broker = EmbeddedBroker.start(settings(freePort()));
        try (Connection connection = connect(broker.settings())) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replies = session.createTemporaryQueue();
            Queue requests = session.createQueue("gatehouse.test.rpc");

            TextMessage request = session.createTextMessage("ping");
            request.setJMSReplyTo(replies);
            session.createProducer(requests).send(request);

            Message served = session.createConsumer(requests).receive(5000);
            session.createProducer(served.getJMSReplyTo()).send(session.createTextMessage("pong"));

            Message reply = session.createConsumer(replies).receive(5000);
            assertEquals("pong", ((TextMessage) reply).getText());
        }
    }

    @Test
    public void keepsPersistentMessagesAcrossARestart() throws Exception {
        RelaySettings settings = settings(freePort());
        broker = EmbeddedBroker.start(settings);
        try (Connection connection = connect(settings)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("gatehouse.test.durable"));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            producer.send(session.createTextMessage("survives"));
        }
        broker.close();
        broker = null;

        broker = EmbeddedBroker.start(settings);
        try (Connection connection = connect(settings)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("gatehouse.test.durable"));
            Message received = consumer.receive(5000);
            assertNotNull("message lost across a broker restart", received);
            assertEquals("survives", ((TextMessage) received).getText());
        }
    }

    @Test
    public void stoppingIsARealOutage() throws Exception {
        RelaySettings settings = settings(freePort());
        broker = EmbeddedBroker.start(settings);
        broker.close();
        broker = null;

        assertThrows(JMSException.class, () -> connect(settings).close());
    }

    @Test
    public void refusesToLookHealthyWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            IllegalStateException failure = assertThrows(IllegalStateException.class,
                    () -> EmbeddedBroker.start(settings(taken.getLocalPort())));
            assertTrue(failure.getMessage(), failure.getMessage().contains("could not listen"));
        }
    }

    private RelaySettings settings(int port) throws IOException {
        return new RelaySettings("127.0.0.1", port, folder.getRoot().toPath().resolve("relay"));
    }

    private static Connection connect(RelaySettings settings) throws JMSException {
        // no failover: a stopped broker must show as a refused connection, not as a client retrying forever
        Connection connection = new JmsConnectionFactory(settings.url()).createConnection();
        connection.start();
        return connection;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
