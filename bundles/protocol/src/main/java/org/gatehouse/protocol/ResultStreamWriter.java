package org.gatehouse.protocol;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

import org.gatehouse.api.Schema;
import org.gatehouse.api.refresh.ResultSink;

/**
 * The gateway side of a result stream: turns a refresh's tables and rows into schema, rows and end messages with
 * sequence numbers, rows packed into bodies of at most {@code maxChunkBytes}, and a running CRC-32C for the end
 * message. Holds at most one chunk in memory.
 */
public final class ResultStreamWriter implements ResultSink {

    private final FrameSender sender;
    private final String correlationId;
    private final String gatewayId;
    private final int maxChunkBytes;
    private final BodyWriter chunk;
    private final CRC32C checksum = new CRC32C();

    private long sequence;
    private int tableIndex = -1;
    private Schema schema;
    private int rowsInChunk;
    private long rowsInTable;
    private long totalRows;
    private long bodyBytes;
    private boolean finished;
    private String dataset;

    public ResultStreamWriter(FrameSender sender, String correlationId, String gatewayId, int maxChunkBytes) {
        if (maxChunkBytes < 64) {
            throw new IllegalArgumentException("maxChunkBytes must be at least 64");
        }
        this.sender = sender;
        this.correlationId = correlationId;
        this.gatewayId = gatewayId;
        this.maxChunkBytes = maxChunkBytes;
        this.chunk = new BodyWriter(Math.min(maxChunkBytes + 1024, 1 << 20));
    }

    /**
     * Names the dataset on every message: for results nobody asked for (a scheduled refresh), whose receiver cannot
     * tell the dataset from a request of its own.
     */
    public ResultStreamWriter withDataset(String datasetName) {
        this.dataset = datasetName;
        return this;
    }

    @Override
    public void beginTable(String name, Schema tableSchema) throws IOException {
        ensureOpen();
        if (schema != null) {
            throw new IllegalStateException("table " + tableIndex + " was not ended");
        }
        tableIndex++;
        schema = tableSchema;
        rowsInTable = 0;
        send(MessageType.SCHEMA, Map.of(Protocol.TABLE, tableIndex), new TableHeader(tableIndex, name, schema).encode());
    }

    @Override
    public void row(Object[] values) throws IOException {
        ensureOpen();
        int rowStart = chunk.length();
        for (int i = 0; i < schema.size(); i++) {
            ValueCodec.write(chunk, schema.column(i).type(), values[i]);
        }
        if (chunk.length() > maxChunkBytes) {
            if (rowStart == 0) {
                throw new RowTooLargeException("row " + (rowsInTable + 1) + " of table " + tableIndex + " needs "
                        + chunk.length() + " bytes, more than the maximum message body of " + maxChunkBytes);
            }
            sendRows(rowStart);
            chunk.discardFirst(rowStart);
        }
        rowsInChunk++;
        rowsInTable++;
        totalRows++;
    }

    @Override
    public void endTable(long rowCount) throws IOException {
        ensureOpen();
        if (chunk.length() > 0) {
            sendRows(chunk.length());
            chunk.reset();
        }
        schema = null;
    }

    /** Sends the end message: the result is complete. */
    public void finish() throws IOException {
        finish(Map.of());
    }

    /** Sends the end message with properties of its own, e.g. {@link Protocol#CANCELLED} answering a cancel. */
    public void finish(Map<String, Object> extraProperties) throws IOException {
        ensureOpen();
        if (schema != null) {
            throw new IllegalStateException("table " + tableIndex + " was not ended");
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(Protocol.ROWS, totalRows);
        properties.put(Protocol.TABLES, tableIndex + 1);
        properties.put(Protocol.CHECKSUM, checksumHex(checksum.getValue()));
        properties.putAll(extraProperties);
        send(MessageType.END, properties, null);
        finished = true;
    }

    /**
     * Sends an error message instead of the end: the requester must discard what it received. Safe to call at any
     * point of the stream, also before anything was sent.
     */
    public void fail(String code, String message) throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        sendError(sender, correlationId, gatewayId, sequence++, code, message);
    }

    @Override
    public long bytesDelivered() {
        return bodyBytes;
    }

    /** An error reply to a request that never got as far as a result stream (it could not even be parsed). */
    public static void sendError(FrameSender sender, String correlationId, String gatewayId, long sequence,
                                 String code, String message) throws IOException {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(Protocol.SEQUENCE, sequence);
        if (correlationId != null) {
            properties.put(Protocol.CORRELATION_ID, correlationId);
        }
        properties.put(Protocol.GATEWAY_ID, gatewayId);
        properties.put(Protocol.ERROR_CODE, code);
        properties.put(Protocol.ERROR_MESSAGE, message == null ? code : message);
        sender.send(Frame.of(MessageType.ERROR, properties, null));
    }

    static String checksumHex(long crc) {
        return String.format("%08x", crc);
    }

    private void sendRows(int bodyLength) throws IOException {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(Protocol.TABLE, tableIndex);
        properties.put(Protocol.ROWS, (long) rowsInChunk);
        send(MessageType.ROWS, properties, chunk.copy(0, bodyLength));
        rowsInChunk = 0;
    }

    private void send(MessageType type, Map<String, Object> extra, byte[] body) throws IOException {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(Protocol.CORRELATION_ID, correlationId);
        properties.put(Protocol.GATEWAY_ID, gatewayId);
        properties.put(Protocol.SEQUENCE, sequence++);
        if (dataset != null) {
            properties.put(Protocol.DATASET, dataset);
        }
        properties.putAll(extra);
        if (body != null) {
            checksum.update(body, 0, body.length);
            bodyBytes += body.length;
        }
        sender.send(Frame.of(type, properties, body));
    }

    private void ensureOpen() {
        if (finished) {
            throw new IllegalStateException("result stream " + correlationId + " is already finished");
        }
    }

    /** A single row that cannot fit a message; the refresh fails rather than break the size bound. */
    public static final class RowTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        RowTooLargeException(String message) {
            super(message);
        }
    }
}
