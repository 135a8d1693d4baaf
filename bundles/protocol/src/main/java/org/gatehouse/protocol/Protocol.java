package org.gatehouse.protocol;

/** Names and limits of protocol v1. Every message carries its properties as AMQP application properties. */
public final class Protocol {

    public static final int VERSION = 1;

    /** Protocol version the sender speaks (int). */
    public static final String PROTOCOL_VERSION = "gatehouse_protocol";
    /** What the message is: see {@link MessageType} (string). */
    public static final String TYPE = "gatehouse_type";
    /** Chosen by the requester, copied onto every message of the result (string). */
    public static final String CORRELATION_ID = "gatehouse_correlation_id";
    /** Request: the address (queue) results are sent to (string). */
    public static final String REPLY_TO = "gatehouse_reply_to";
    /** Request: the operation, see {@link Operation} (string). */
    public static final String OPERATION = "gatehouse_op";
    /** Request: the dataset to refresh (string). */
    public static final String DATASET = "gatehouse_dataset";
    /** Request: the one query to run with {@link Operation#RUN_QUERY} (string). */
    public static final String QUERY = "gatehouse_query";
    /** Result messages: position in the result stream, from 0, no gaps (long). */
    public static final String SEQUENCE = "gatehouse_seq";
    /** Schema and rows messages: index of the table (query) in the result, from 0 (int). */
    public static final String TABLE = "gatehouse_table";
    /** Rows message: rows in this chunk; end message: rows in the whole result (long). */
    public static final String ROWS = "gatehouse_rows";
    /** End message: number of tables in the result (int). */
    public static final String TABLES = "gatehouse_tables";
    /** End message: CRC-32C of the bodies of all schema and rows messages in sequence order, 8 hex digits. */
    public static final String CHECKSUM = "gatehouse_checksum";
    /** End message of a {@link Operation#CANCEL} result: 1 when a refresh was running and is cancelled, else 0 (int). */
    public static final String CANCELLED = "gatehouse_cancelled";
    /**
     * End message of a refresh: what went wrong without failing it, one warning per line (string, absent when none),
     * e.g. cells whose value was an error and were delivered as null.
     */
    public static final String WARNINGS = "gatehouse_warnings";
    /** Error message: a code from {@link ErrorCode} or a refresh failure reason (string). */
    public static final String ERROR_CODE = "gatehouse_error_code";
    /** Error message: a human-readable reason (string). */
    public static final String ERROR_MESSAGE = "gatehouse_error_message";
    /** Heartbeat and result messages: the gateway's id (string). */
    public static final String GATEWAY_ID = "gatehouse_gateway";
    /** Heartbeat: the gateway's version (string). */
    public static final String GATEWAY_VERSION = "gatehouse_gateway_version";
    /** Heartbeat: installed connectors as comma-separated kind@version (string). */
    public static final String CONNECTORS = "gatehouse_connectors";
    /** Heartbeat: the gateway's request address (string). */
    public static final String REQUEST_ADDRESS = "gatehouse_request_address";
    /**
     * Heartbeat: the gateway's public key for sealing credentials ({@link SealedSecret}), X.509 base64 (string);
     * absent while the gateway's credential vault is not open.
     */
    public static final String PUBLIC_KEY = "gatehouse_public_key";

    /**
     * Default bound on a rows message body. Azure Service Bus standard tier limits a whole message to 256 KB, so the
     * body stays well under that.
     */
    public static final int DEFAULT_MAX_CHUNK_BYTES = 192 * 1024;

    /** The request address of a gateway, by convention. */
    public static String requestAddress(String gatewayId) {
        return "gatehouse." + gatewayId + ".requests";
    }

    /** The default events address heartbeats and events are published on. */
    public static final String DEFAULT_EVENTS_ADDRESS = "gatehouse.events";

    private Protocol() {
    }
}
