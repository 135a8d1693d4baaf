package org.gatehouse.protocol;

import java.util.zip.CRC32C;

import org.gatehouse.api.Schema;

/**
 * The requester side of a result stream. Feed it the frames of one correlation id in arrival order; it decodes the
 * tables and rows for a {@link Listener} and, at the end message, verifies that no message is missing, the row count
 * and the checksum match. Anything else is a {@link PartialResultException}: a partial result is never accepted.
 */
public final class ResultStreamReader {

    /** Receives the result as it is verified. The row array is reused for the next row. */
    public interface Listener {
        void beginTable(TableHeader table) throws Exception;

        void row(Object[] values) throws Exception;
    }

    private final String correlationId;
    private final Listener listener;
    private final CRC32C checksum = new CRC32C();

    private long expectedSequence;
    private TableHeader table;
    private Object[] row;
    private int tables;
    private long rows;
    private long bodyBytes;
    private boolean complete;
    private Frame end;

    public ResultStreamReader(String correlationId, Listener listener) {
        this.correlationId = correlationId;
        this.listener = listener;
    }

    /**
     * Takes the next frame of this result.
     *
     * @return true once the end message has arrived and everything checked out
     */
    public boolean accept(Frame frame) throws PartialResultException, RemoteErrorException, ProtocolException {
        if (complete) {
            throw new PartialResultException("message after the end of result " + correlationId);
        }
        MessageType type = frame.type().orElseThrow(() -> new ProtocolException(ErrorCode.BAD_REQUEST,
                "message of unknown type " + frame.string(Protocol.TYPE) + " in result " + correlationId));
        // an error ends the result whatever its sequence number says: the code and reason must reach the requester
        if (type == MessageType.ERROR) {
            throw new RemoteErrorException(frame.string(Protocol.ERROR_CODE), frame.string(Protocol.ERROR_MESSAGE));
        }
        long sequence = frame.number(Protocol.SEQUENCE);
        if (sequence != expectedSequence) {
            throw new PartialResultException("expected message " + expectedSequence + " of result " + correlationId
                    + " but got message " + sequence);
        }
        expectedSequence++;
        bodyBytes += frame.body().length;
        switch (type) {
            case SCHEMA -> beginTable(frame);
            case ROWS -> readRows(frame);
            case END -> verifyEnd(frame);
            default -> throw new ProtocolException(ErrorCode.BAD_REQUEST,
                    "unexpected " + type.wireName() + " message in result " + correlationId);
        }
        return complete;
    }

    public long rows() {
        return rows;
    }

    public int tables() {
        return tables;
    }

    /** Bytes of message bodies received so far. */
    public long bodyBytes() {
        return bodyBytes;
    }

    public boolean isComplete() {
        return complete;
    }

    /** The warnings of a complete result's end message ({@link Protocol#WARNINGS}); none when it has none. */
    public java.util.List<String> warnings() {
        String text = endMessage().map(f -> f.string(Protocol.WARNINGS)).orElse(null);
        return text == null || text.isEmpty() ? java.util.List.of() : java.util.List.of(text.split("\n"));
    }

    /** The verified end message, for the properties an operation adds to it (see {@link Protocol#CANCELLED}). */
    public java.util.Optional<Frame> endMessage() {
        return java.util.Optional.ofNullable(end);
    }

    private void beginTable(Frame frame) throws PartialResultException, ProtocolException {
        checksum.update(frame.body(), 0, frame.body().length);
        TableHeader header = TableHeader.decode(frame.body());
        if (header.index() != tables) {
            throw new PartialResultException("expected table " + tables + " but got table " + header.index());
        }
        tables++;
        table = header;
        row = new Object[header.schema().size()];
        deliver(() -> listener.beginTable(header));
    }

    private void readRows(Frame frame) throws PartialResultException, ProtocolException {
        if (table == null || frame.number(Protocol.TABLE) != table.index()) {
            throw new PartialResultException("rows for table " + frame.string(Protocol.TABLE)
                    + " arrived without its schema");
        }
        checksum.update(frame.body(), 0, frame.body().length);
        long count = frame.number(Protocol.ROWS);
        Schema schema = table.schema();
        BodyReader in = new BodyReader(frame.body());
        for (long r = 0; r < count; r++) {
            for (int c = 0; c < row.length; c++) {
                row[c] = ValueCodec.read(in, schema.column(c).type());
            }
            deliver(() -> listener.row(row));
        }
        if (in.hasMore()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "rows message " + frame.string(Protocol.SEQUENCE)
                    + " holds more data than its " + count + " rows");
        }
        rows += count;
    }

    private void verifyEnd(Frame frame) throws PartialResultException, ProtocolException {
        long announcedRows = frame.number(Protocol.ROWS);
        long announcedTables = frame.number(Protocol.TABLES);
        String announcedChecksum = frame.string(Protocol.CHECKSUM);
        if (announcedRows != rows) {
            throw new PartialResultException("gateway sent " + announcedRows + " rows, received " + rows);
        }
        if (announcedTables != tables) {
            throw new PartialResultException("gateway sent " + announcedTables + " tables, received " + tables);
        }
        String actual = ResultStreamWriter.checksumHex(checksum.getValue());
        if (!actual.equalsIgnoreCase(String.valueOf(announcedChecksum))) {
            throw new PartialResultException("checksum " + actual + " does not match the gateway's "
                    + announcedChecksum);
        }
        end = frame;
        complete = true;
    }

    private interface ListenerCall {
        void run() throws Exception;
    }

    private static void deliver(ListenerCall call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ListenerFailedException(e);
        }
    }

    /** The listener failed (e.g. the output file could not be written); its cause is the listener's exception. */
    public static final class ListenerFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ListenerFailedException(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
