package org.gatehouse.relay.impl;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Message;
import org.gatehouse.protocol.Frame;

/** Protocol frames to and from Camel messages: frame properties are message headers (JMS properties on the wire). */
final class CamelFrames {

    private static final String PREFIX = "gatehouse_";

    private CamelFrames() {
    }

    static Frame fromMessage(Message message) {
        Map<String, Object> properties = new LinkedHashMap<>();
        message.getHeaders().forEach((name, value) -> {
            if (name.startsWith(PREFIX)) {
                properties.put(name, value);
            }
        });
        byte[] body = message.getBody(byte[].class);
        return new Frame(properties, body);
    }

    static void toMessage(Frame frame, Message message) {
        message.getHeaders().putAll(frame.properties());
        message.setBody(frame.body());
    }
}
