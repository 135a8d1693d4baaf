package org.gatehouse.relay.impl;

import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.gatehouse.api.refresh.ConnectorCatalog;
import org.gatehouse.protocol.Heartbeat;

/** Builds the heartbeat from what is installed at this moment, so a connector that came or went shows at once. */
final class HeartbeatProcessor implements Processor {

    private final ConnectorCatalog connectors;
    private final String gatewayId;
    private final String version;
    private final String requestAddress;
    private final Supplier<String> publicKey;

    HeartbeatProcessor(ConnectorCatalog connectors, String gatewayId, String version, String requestAddress,
                       Supplier<String> publicKey) {
        this.publicKey = publicKey;
        this.connectors = connectors;
        this.gatewayId = gatewayId;
        this.version = version;
        this.requestAddress = requestAddress;
    }

    @Override
    public void process(Exchange exchange) {
        Heartbeat heartbeat = new Heartbeat(gatewayId, version, requestAddress,
                connectors.installedConnectors().stream().map(Object::toString).toList(), publicKey.get());
        CamelFrames.toMessage(heartbeat.toFrame(), exchange.getIn());
    }
}
