package org.gatehouse.relay.embedded.impl;

import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/** Builds the Artemis configuration of the one-box relay in code: there is no broker.xml to keep in sync. */
final class BrokerConfigurations {

    static final String ACCEPTOR_NAME = "amqp";
    static final String DEAD_LETTER_ADDRESS = "DLQ";
    static final String EXPIRY_ADDRESS = "ExpiryQueue";

    private BrokerConfigurations() {
    }

    /** Result chunks are at most 192 KiB by default; keep a margin for larger configured chunks and headers. */
    private static final int MIN_LARGE_MESSAGE_BYTES = 1024 * 1024;

    static Configuration forRelay(RelaySettings settings) throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName("gatehouse-relay")
                .setPersistenceEnabled(true)
                // NIO works on every OS; libaio would need a native library per platform
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(settings.dataDirectory().resolve("journal").toString())
                .setBindingsDirectory(settings.dataDirectory().resolve("bindings").toString())
                .setPagingDirectory(settings.dataDirectory().resolve("paging").toString())
                .setLargeMessagesDirectory(settings.dataDirectory().resolve("large-messages").toString())
                .setNodeManagerLockDirectory(settings.dataDirectory().toString())
                // No users, no passwords: the acceptor binds to loopback only (see EmbeddedRelayConfig.host), so
                // only processes on this machine reach it, the same trust boundary as the gateway's own files.
                .setSecurityEnabled(false)
                // the broker's own MBeans would duplicate what the gateway reports about the relay link
                .setJMXManagementEnabled(false)
                // the broker shares the gateway's heap: beyond this, messages page to disk instead of crowding out
                // the refreshes (Artemis would otherwise take half the heap)
                .setGlobalMaxSize(Runtime.getRuntime().maxMemory() / 8);

        // Only AMQP 1.0: the gateway and its clients speak nothing else, and every extra protocol is extra surface.
        // Epoll is off because the native transport is deliberately not deployed (NIO is portable).
        // AMQP messages up to 1 MB stay ordinary in-memory messages: Artemis's default (100 KiB) would write every
        // result chunk (up to 192 KiB) to disk as a "large message", even though results are sent non-persistent.
        config.addAcceptorConfiguration(ACCEPTOR_NAME, "tcp://" + settings.host() + ":" + settings.port()
                + "?protocols=AMQP;useEpoll=false;useKQueue=false;amqpMinLargeMessageSize=" + MIN_LARGE_MESSAGE_BYTES);

        // Request queues, dataset destinations and the reply queues clients create on the fly all appear on demand.
        config.addAddressSetting("#", new AddressSettings()
                .setAutoCreateAddresses(true)
                .setAutoCreateQueues(true)
                .setDefaultAddressRoutingType(RoutingType.ANYCAST)
                .setDefaultQueueRoutingType(RoutingType.ANYCAST)
                // undeliverable and expired messages are kept where an operator can look at them, never dropped
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_ADDRESS))
                .setAutoCreateDeadLetterResources(true)
                .setExpiryAddress(SimpleString.of(EXPIRY_ADDRESS))
                .setAutoCreateExpiryResources(true));
        return config;
    }
}
