package org.gatehouse.relay.embedded.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the embedded relay, pid {@code org.gatehouse.relay.embedded}. */
@ObjectClassDefinition(
        name = "Gatehouse embedded relay",
        description = "An AMQP 1.0 broker inside the gateway, for installations without a cloud relay.")
public @interface EmbeddedRelayConfig {

    @AttributeDefinition(description = "Interface the AMQP listener binds to. The broker has no authentication, "
            + "so anything other than a loopback address exposes it to the network.")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "TCP port of the AMQP listener.", min = "1", max = "65535")
    int port() default 5672;

    @AttributeDefinition(description = "Where the broker keeps its journal; ${name} is replaced by the system "
            + "property of that name.")
    String dataDirectory() default "${karaf.data}/relay";
}
