package org.gatehouse.client;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.gatehouse.protocol.RelayEndpoint;
import org.junit.rules.ExternalResource;

/**
 * A real AMQP 1.0 relay for tests: an embedded Artemis broker on a free loopback port, in memory, without security,
 * creating queues on first use and dropping them when empty and unused, as a default Artemis does.
 */
public final class EmbeddedRelay extends ExternalResource {

    private EmbeddedActiveMQ broker;
    private Path directory;
    private int port;

    @Override
    protected void before() throws Exception {
        port = freePort();
        directory = Files.createTempDirectory("gatehouse-relay");
        Configuration config = new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                // how often unused auto-created queues are reaped; 30 s by default, too slow to watch in a test
                .setAddressQueueScanPeriod(100)
                .addAcceptorConfiguration("amqp", "tcp://127.0.0.1:" + port + "?protocols=AMQP");
        config.setBrokerInstance(directory.toFile()); // nothing is written with persistence off, but keep it out of cwd
        broker = new EmbeddedActiveMQ();
        broker.setConfiguration(config);
        broker.start();
    }

    @Override
    protected void after() {
        try {
            broker.stop();
            deleteRecursively(directory);
        } catch (Exception e) {
            throw new IllegalStateException("stopping the embedded relay", e);
        }
    }

    public String url() {
        return "amqp://127.0.0.1:" + port;
    }

    public RelayEndpoint endpoint() {
        return RelayEndpoint.parse(url(), null, null);
    }

    /** Whether the broker has a queue of that name right now. */
    public boolean hasQueue(String name) {
        return broker.getActiveMQServer().locateQueue(name) != null;
    }

    /** A loopback port nothing listens on, for tests of an unreachable relay. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
