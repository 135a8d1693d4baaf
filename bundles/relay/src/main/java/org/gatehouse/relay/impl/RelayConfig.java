package org.gatehouse.relay.impl;

import org.gatehouse.protocol.Protocol;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.gatehouse.relay.cfg}: how the gateway reaches the relay and who it is there. */
@ObjectClassDefinition(name = "Gatehouse relay link", description = "The gateway's outbound AMQP 1.0 link")
public @interface RelayConfig {

    @AttributeDefinition(description = "amqp:// or amqps:// URL, or an Azure Service Bus connection string")
    String url() default "amqp://127.0.0.1:5672";

    @AttributeDefinition(description = "SASL user when the URL has none", required = false)
    String user() default "";

    @AttributeDefinition(description = "SASL password when the URL has none", type = AttributeType.PASSWORD,
            required = false)
    String password() default "";

    @AttributeDefinition(description = "This gateway's id; requests arrive on gatehouse.<id>.requests")
    String gatewayId() default "local";

    @AttributeDefinition(description = "Topic heartbeats and events are published on")
    String eventsAddress() default Protocol.DEFAULT_EVENTS_ADDRESS;

    @AttributeDefinition(description = "Seconds between heartbeats")
    int heartbeatSeconds() default 30;

    @AttributeDefinition(description = "Upper bound of a rows message body in bytes (Service Bus standard: 256 KB a message)")
    int maxChunkBytes() default Protocol.DEFAULT_MAX_CHUNK_BYTES;

    @AttributeDefinition(description = "Requests served at the same time")
    int concurrentRequests() default 4;

    @AttributeDefinition(description = "Seconds an unread result message stays on the relay before it expires")
    int replyTimeToLiveSeconds() default 600;
}
