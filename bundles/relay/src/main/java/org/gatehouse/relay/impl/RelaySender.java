package org.gatehouse.relay.impl;

import java.io.IOException;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.jms.JmsConstants;
import org.gatehouse.protocol.FrameSender;

/**
 * Sends protocol frames to any address through the {@code relay-replies} route, which sets the destination per
 * message: the one way out for answers to requests and for results nobody asked for alike.
 */
final class RelaySender {

    private final ProducerTemplate producer;
    private final String endpoint;

    RelaySender(ProducerTemplate producer, String endpoint) {
        this.producer = producer;
        this.endpoint = endpoint;
    }

    FrameSender to(String address) {
        return frame -> {
            Exchange sent = producer.send(endpoint, exchange -> {
                CamelFrames.toMessage(frame, exchange.getIn());
                exchange.getIn().setHeader(JmsConstants.JMS_DESTINATION_NAME, address);
            });
            if (sent.getException() != null) {
                throw new IOException("relay refused a message for " + address + ": "
                        + sent.getException().getMessage(), sent.getException());
            }
        };
    }
}
