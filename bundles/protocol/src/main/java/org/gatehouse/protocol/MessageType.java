package org.gatehouse.protocol;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of protocol messages, as they appear in the {@link Protocol#TYPE} property. */
public enum MessageType {
    REQUEST("request"),
    SCHEMA("schema"),
    ROWS("rows"),
    END("end"),
    ERROR("error"),
    HEARTBEAT("heartbeat");

    private final String wireName;

    MessageType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<MessageType> fromWire(Object value) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(value)).findFirst();
    }
}
