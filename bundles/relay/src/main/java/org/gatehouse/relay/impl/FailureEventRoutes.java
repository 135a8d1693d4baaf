package org.gatehouse.relay.impl;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code relay-failure-events}: failed refreshes, as {@link FailureEvent}s, to the gateway's events queue. Persistent
 * and without expiry, so the owner's service finds them even if it was not listening when they happened. A relay
 * that cannot take one is logged as one line and the event dropped: it is the relay that is failing, so there is no
 * dead-letter address to keep it on; the failure is still in the refresh history.
 */
final class FailureEventRoutes extends RouteBuilder {

    static final String FAILURE_EVENTS = "direct:relay-failure-events";

    private final String gatewayId;

    FailureEventRoutes(String gatewayId) {
        this.gatewayId = gatewayId;
    }

    @Override
    public void configure() {
        from(FAILURE_EVENTS)
                .routeId("relay-failure-events")
                .onException(Exception.class).handled(true)
                    .log(LoggingLevel.WARN, FailureEventRoutes.class.getName(),
                            "failure event for ${header.gatehouse_dataset} not published, relay unreachable: "
                                    + "${exception.message}")
                .end()
                .to("amqp:queue:" + FailureEvent.address(gatewayId) + "?jmsMessageType=Text"
                        + "&explicitQosEnabled=true&deliveryPersistent=true")
                .id("publish-failure-event");
    }
}
