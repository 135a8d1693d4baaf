package org.gatehouse.relay.embedded.impl;

import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ActiveMQServers;
import org.apache.activemq.artemis.protocol.amqp.broker.ProtonProtocolManagerFactory;
import org.apache.activemq.artemis.spi.core.remoting.Acceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A started Artemis broker with one AMQP acceptor. Plain Java: the OSGi component only decides when. */
final class EmbeddedBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final ActiveMQServer server;
    private final RelaySettings settings;

    private EmbeddedBroker(ActiveMQServer server, RelaySettings settings) {
        this.server = server;
        this.settings = settings;
    }

    static EmbeddedBroker start(RelaySettings settings) throws Exception {
        ActiveMQServer server = ActiveMQServers.newActiveMQServer(BrokerConfigurations.forRelay(settings));
        // Artemis discovers protocols with ServiceLoader; inside a bundle that depends on which loader it asks,
        // so the one protocol we need is registered by hand.
        server.addProtocolManagerFactory(new ProtonProtocolManagerFactory());
        withOwnClassLoader(server::start);

        Acceptor acceptor = server.getRemotingService().getAcceptor(BrokerConfigurations.ACCEPTOR_NAME);
        if (!server.isActive() || acceptor == null || !acceptor.isStarted()) {
            // Artemis logs a failed bind (port taken) and carries on without a listener: a relay nobody can
            // reach must not look healthy
            withOwnClassLoader(server::stop);
            throw new IllegalStateException("embedded relay could not listen on " + settings.url()
                    + ": the port is taken or the host is not an address of this machine");
        }
        LOG.info("Embedded relay listening on {} (data in {})", settings.url(), settings.dataDirectory());
        return new EmbeddedBroker(server, settings);
    }

    RelaySettings settings() {
        return settings;
    }

    @Override
    public void close() throws Exception {
        withOwnClassLoader(server::stop);
        LOG.info("Embedded relay on {} stopped", settings.url());
    }

    /**
     * Artemis and netty load some classes through the thread context class loader; in OSGi that is whatever the
     * calling thread (SCR, the feature installer) happened to carry, so pin it to this bundle's loader.
     */
    private static void withOwnClassLoader(BrokerAction action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(EmbeddedBroker.class.getClassLoader());
        try {
            action.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @FunctionalInterface
    private interface BrokerAction {
        void run() throws Exception;
    }
}
