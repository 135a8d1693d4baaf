package org.gatehouse.relay.impl;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * The gateway's three routes on the relay:
 * <ul>
 * <li>{@code relay-requests}: requests from the gateway's request queue, served by {@link RequestProcessor};</li>
 * <li>{@code relay-replies}: every result message, to the reply address set per message;</li>
 * <li>{@code relay-heartbeat}: the heartbeat on the events topic, and the time of the last one published.</li>
 * </ul>
 */
final class RelayRoutes extends RouteBuilder {

    static final String REPLIES = "direct:relay-replies";

    private final RelayConfig config;
    private final String requestAddress;
    private final RequestProcessor requests;
    private final HeartbeatProcessor heartbeat;
    private final LastHeartbeat lastHeartbeat;

    RelayRoutes(RelayConfig config, String requestAddress, RequestProcessor requests, HeartbeatProcessor heartbeat,
                LastHeartbeat lastHeartbeat) {
        this.config = config;
        this.requestAddress = requestAddress;
        this.requests = requests;
        this.heartbeat = heartbeat;
        this.lastHeartbeat = lastHeartbeat;
    }

    /** Where requests that cannot be answered end up, so that nothing is silently lost. */
    static String deadLetterAddress(String gatewayId) {
        return "gatehouse." + gatewayId + ".dead-letter";
    }

    @Override
    public void configure() {
        // disableReplyTo: results go to the address named inside the request, never to a JMSReplyTo
        from("amqp:queue:" + requestAddress + "?disableReplyTo=true&concurrentConsumers="
                + config.concurrentRequests())
                .routeId("relay-requests")
                .errorHandler(deadLetterChannel("amqp:queue:" + deadLetterAddress(config.gatewayId()))
                        .useOriginalMessage().logExhaustedMessageHistory(false))
                .process(requests).id("serve-request");

        // The destination comes per message from the CamelJmsDestinationName header; this queue name is a fallback.
        // Result messages are not persistent: a result cut short by a broker restart is rejected by the requester
        // anyway (sequence and checksum), so journalling every chunk would only cost an fsync and a synchronous
        // round trip per message. Non-persistent sends are asynchronous in Qpid JMS, still in order and flow
        // controlled by the link's credit. (Service Bus stores every message regardless.)
        from(REPLIES)
                .routeId("relay-replies")
                .to("amqp:queue:" + deadLetterAddress(config.gatewayId()) + "?jmsMessageType=Bytes"
                        + "&explicitQosEnabled=true&deliveryPersistent=false"
                        + "&timeToLive=" + config.replyTimeToLiveSeconds() * 1000L)
                .id("send-result-message");

        from("timer:relay-heartbeat?delay=0&period=" + config.heartbeatSeconds() * 1000L)
                .routeId("relay-heartbeat")
                // a heartbeat that cannot be sent while the relay is away is expected: one line, no stack trace
                .onException(Exception.class).handled(true)
                    .log(LoggingLevel.WARN, RelayRoutes.class.getName(),
                            "heartbeat not published, relay unreachable: ${exception.message}")
                .end()
                .process(heartbeat).id("build-heartbeat")
                .to("amqp:topic:" + config.eventsAddress() + "?explicitQosEnabled=true&deliveryPersistent=false"
                        + "&timeToLive=" + config.heartbeatSeconds() * 2000L)
                .id("publish-heartbeat")
                .process(lastHeartbeat).id("record-heartbeat");
    }
}
