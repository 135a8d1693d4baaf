package org.gatehouse.protocol;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a gateway publishes periodically on the events address: who it is, its version, where it takes requests and
 * which connectors are installed (as kind@version), and the public key credentials for it are sealed with (null while
 * its credential vault is not open).
 */
public record Heartbeat(String gatewayId, String version, String requestAddress, List<String> connectors,
                        String publicKey) {

    public Heartbeat {
        connectors = List.copyOf(connectors);
    }

    public Frame toFrame() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(Protocol.GATEWAY_ID, gatewayId);
        properties.put(Protocol.GATEWAY_VERSION, version);
        properties.put(Protocol.REQUEST_ADDRESS, requestAddress);
        properties.put(Protocol.CONNECTORS, String.join(",", connectors));
        if (publicKey != null) {
            properties.put(Protocol.PUBLIC_KEY, publicKey);
        }
        return Frame.of(MessageType.HEARTBEAT, properties, null);
    }

    public static Heartbeat parse(Frame frame) throws ProtocolException {
        if (frame.type().orElse(null) != MessageType.HEARTBEAT) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "not a heartbeat: " + frame.string(Protocol.TYPE));
        }
        String connectors = frame.string(Protocol.CONNECTORS);
        return new Heartbeat(frame.string(Protocol.GATEWAY_ID), frame.string(Protocol.GATEWAY_VERSION),
                frame.string(Protocol.REQUEST_ADDRESS), connectors == null || connectors.isEmpty() ? List.of()
                        : Arrays.asList(connectors.split(",")), frame.string(Protocol.PUBLIC_KEY));
    }
}
