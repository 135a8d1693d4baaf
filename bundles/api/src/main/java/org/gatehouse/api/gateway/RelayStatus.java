package org.gatehouse.api.gateway;

import java.time.Instant;
import java.util.Optional;

/** The gateway's link to the relay, as the relay bundle sees it right now. */
public interface RelayStatus {

    String gatewayId();

    /** The relay's address without credentials, e.g. {@code amqps://ns.servicebus.windows.net:5671}. */
    String relayAddress();

    boolean connected();

    /** When the last heartbeat was published, if ever. */
    Optional<Instant> lastHeartbeat();

    /** The gateway's version (the relay bundle's). */
    String version();
}
