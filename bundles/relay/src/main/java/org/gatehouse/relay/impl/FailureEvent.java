package org.gatehouse.relay.impl;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.gatehouse.api.gateway.RefreshFailure;
import org.gatehouse.api.gateway.ScheduleDisabled;
import org.gatehouse.protocol.Protocol;

/**
 * A failed refresh as the relay carries it (see docs/protocol.md, "Failure event"): a JSON text body and the
 * {@code gatehouse_*} properties a subscriber filters on.
 */
final class FailureEvent {

    static final String TYPE = "refresh-failed";
    static final String SCHEDULE_DISABLED = "schedule-disabled";

    private FailureEvent() {
    }

    /** The per-gateway queue failure events are sent to. */
    static String address(String gatewayId) {
        return "gatehouse." + gatewayId + ".events";
    }

    static Map<String, Object> properties(String type, String dataset, String gatewayId) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(Protocol.PROTOCOL_VERSION, Protocol.VERSION);
        properties.put(Protocol.TYPE, type);
        properties.put(Protocol.GATEWAY_ID, gatewayId);
        properties.put(Protocol.DATASET, dataset);
        return properties;
    }

    static String json(RefreshFailure failure, String gatewayId) {
        StringBuilder json = new StringBuilder("{");
        field(json, "type", TYPE).append(',');
        json.append("\"protocol\":").append(Protocol.VERSION).append(',');
        field(json, "gateway", gatewayId).append(',');
        field(json, "dataset", failure.dataset()).append(',');
        json.append("\"historyId\":").append(failure.historyId()).append(',');
        field(json, "trigger", failure.trigger()).append(',');
        field(json, "reason", failure.reasonCode()).append(',');
        field(json, "message", failure.message()).append(',');
        field(json, "started", time(failure.started())).append(',');
        field(json, "ended", time(failure.ended()));
        return json.append('}').toString();
    }

    static String json(ScheduleDisabled disabled, String gatewayId) {
        StringBuilder json = new StringBuilder("{");
        field(json, "type", SCHEDULE_DISABLED).append(',');
        json.append("\"protocol\":").append(Protocol.VERSION).append(',');
        field(json, "gateway", gatewayId).append(',');
        field(json, "dataset", disabled.dataset()).append(',');
        json.append("\"consecutiveFailures\":").append(disabled.consecutiveFailures()).append(',');
        field(json, "message", disabled.lastFailure()).append(',');
        field(json, "disabled", time(disabled.disabledAt()));
        return json.append('}').toString();
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":");
        if (value == null) {
            return json.append("null");
        }
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
