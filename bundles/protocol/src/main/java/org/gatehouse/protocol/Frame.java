package org.gatehouse.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One protocol message, independent of the transport: application properties (String, Integer, Long values) and a
 * binary body. The relay maps frames to Camel messages, the client to JMS messages.
 */
public final class Frame {

    private static final byte[] EMPTY = new byte[0];

    private final Map<String, Object> properties;
    private final byte[] body;

    public Frame(Map<String, Object> properties, byte[] body) {
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        this.body = body == null ? EMPTY : body;
    }

    static Frame of(MessageType type, Map<String, Object> properties, byte[] body) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put(Protocol.PROTOCOL_VERSION, Protocol.VERSION);
        all.put(Protocol.TYPE, type.wireName());
        all.putAll(properties);
        return new Frame(all, body);
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public byte[] body() {
        return body;
    }

    /** The message type, or empty when the property is missing or unknown. */
    public java.util.Optional<MessageType> type() {
        return MessageType.fromWire(properties.get(Protocol.TYPE));
    }

    public String string(String name) {
        Object value = properties.get(name);
        return value == null ? null : value.toString();
    }

    /** A numeric property; transports may hand numbers back as any Number or even as text. */
    public long number(String name) throws ProtocolException {
        Object value = properties.get(name);
        if (value instanceof Number) {
            return ((Number) value).longValue();
        }
        if (value instanceof String) {
            try {
                return Long.parseLong((String) value);
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new ProtocolException(ErrorCode.BAD_REQUEST,
                "message property " + name + (value == null ? " is missing" : " is not a number: " + value));
    }

    @Override
    public String toString() {
        return properties + " + " + body.length + " bytes";
    }
}
