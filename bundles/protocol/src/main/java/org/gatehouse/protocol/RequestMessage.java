package org.gatehouse.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request from the service to a gateway.
 *
 * @param correlationId chosen by the requester; every message of the result carries it
 * @param replyTo       the address the result is sent to
 * @param operation     what to do
 * @param dataset       the dataset
 * @param query         the query name for {@link Operation#RUN_QUERY}, else null; for {@link Operation#CANCEL}
 *                      the dataset's running refreshes are cancelled, whichever queries they run
 * @param fields        the arguments of an {@link Operation#administrative()} operation, else empty
 */
public record RequestMessage(String correlationId, String replyTo, Operation operation, String dataset, String query,
                             Map<String, String> fields) {

    public RequestMessage {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    public RequestMessage(String correlationId, String replyTo, Operation operation, String dataset, String query) {
        this(correlationId, replyTo, operation, dataset, query, Map.of());
    }

    /** An administrative request; its answer is an empty result, or an error saying why it was refused. */
    public static RequestMessage administrative(String correlationId, String replyTo, Operation operation,
                                                Map<String, String> fields) {
        if (!operation.administrative()) {
            throw new IllegalArgumentException(operation.wireName() + " is not an administrative operation");
        }
        return new RequestMessage(correlationId, replyTo, operation, null, null, fields);
    }

    public static RequestMessage refreshDataset(String correlationId, String replyTo, String dataset) {
        return new RequestMessage(correlationId, replyTo, Operation.REFRESH_DATASET, dataset, null);
    }

    public static RequestMessage cancel(String correlationId, String replyTo, String dataset) {
        return new RequestMessage(correlationId, replyTo, Operation.CANCEL, dataset, null);
    }

    public static RequestMessage runQuery(String correlationId, String replyTo, String dataset, String query) {
        return new RequestMessage(correlationId, replyTo, Operation.RUN_QUERY, dataset, query);
    }

    public Frame toFrame() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(Protocol.CORRELATION_ID, correlationId);
        properties.put(Protocol.REPLY_TO, replyTo);
        properties.put(Protocol.OPERATION, operation.wireName());
        if (dataset != null) {
            properties.put(Protocol.DATASET, dataset);
        }
        if (query != null) {
            properties.put(Protocol.QUERY, query);
        }
        return Frame.of(MessageType.REQUEST, properties, operation.administrative() ? FieldsBody.encode(fields) : null);
    }

    /**
     * Reads a request, checking everything a gateway needs before it can act on it. The reply address and
     * correlation id are checked first so that every later problem can still be answered.
     */
    public static RequestMessage parse(Frame frame) throws ProtocolException {
        String replyTo = frame.string(Protocol.REPLY_TO);
        if (isBlank(replyTo)) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "request has no " + Protocol.REPLY_TO + " address");
        }
        String correlationId = frame.string(Protocol.CORRELATION_ID);
        if (isBlank(correlationId)) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "request has no " + Protocol.CORRELATION_ID);
        }
        Object version = frame.properties().get(Protocol.PROTOCOL_VERSION);
        if (version == null) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "request has no " + Protocol.PROTOCOL_VERSION);
        }
        if (!String.valueOf(Protocol.VERSION).equals(version.toString())) {
            throw new ProtocolException(ErrorCode.UNSUPPORTED_VERSION, "protocol version " + version
                    + " is not supported; this gateway speaks version " + Protocol.VERSION);
        }
        if (frame.type().orElse(null) != MessageType.REQUEST) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST,
                    "expected a message of type request, got " + frame.string(Protocol.TYPE));
        }
        String opName = frame.string(Protocol.OPERATION);
        Operation operation = Operation.fromWire(opName).orElseThrow(() -> new ProtocolException(
                ErrorCode.BAD_REQUEST, "unknown operation '" + opName + "'; expected one of " + Operation.wireNames()));
        if (operation.administrative()) {
            return administrative(correlationId, replyTo, operation, FieldsBody.decode(frame.body()));
        }
        String dataset = frame.string(Protocol.DATASET);
        if (isBlank(dataset)) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "request has no " + Protocol.DATASET);
        }
        String query = frame.string(Protocol.QUERY);
        if (operation == Operation.RUN_QUERY && isBlank(query)) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "run-query request has no " + Protocol.QUERY);
        }
        return new RequestMessage(correlationId, replyTo, operation, dataset,
                operation == Operation.RUN_QUERY ? query : null);
    }

    /** Best effort for error replies to requests that failed {@link #parse}: where to answer, if anywhere. */
    public static String replyAddressOf(Frame frame) {
        String replyTo = frame.string(Protocol.REPLY_TO);
        return isBlank(replyTo) ? null : replyTo;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
