package org.gatehouse.client;

import java.util.ArrayList;
import java.util.List;

import org.gatehouse.api.Schema;
import org.gatehouse.protocol.FrameSender;
import org.gatehouse.protocol.Protocol;
import org.gatehouse.protocol.RequestMessage;
import org.gatehouse.protocol.ResultStreamReader;
import org.gatehouse.protocol.ResultStreamWriter;
import org.gatehouse.protocol.TableHeader;

/** A table a fake gateway sends, and the responder that streams tables like a real gateway would. */
public record TestTable(String name, Schema schema, List<Object[]> rows) {

    /** Answers every request with these tables, in rows messages of at most {@code maxChunkBytes}. */
    public static FakeGateway.Responder answering(int maxChunkBytes, TestTable... tables) {
        return (request, replies) -> send(request, replies, maxChunkBytes, tables);
    }

    /** Answers every request with these tables in messages of the protocol's default size. */
    public static FakeGateway.Responder answering(TestTable... tables) {
        return answering(Protocol.DEFAULT_MAX_CHUNK_BYTES, tables);
    }

    public static void send(RequestMessage request, FrameSender replies, int maxChunkBytes, TestTable... tables)
            throws Exception {
        ResultStreamWriter writer = new ResultStreamWriter(replies, request.correlationId(), "fake", maxChunkBytes);
        for (TestTable table : tables) {
            writer.beginTable(table.name(), table.schema());
            for (Object[] row : table.rows()) {
                writer.row(row);
            }
            writer.endTable(table.rows().size());
        }
        writer.finish();
    }

    /** Collects what a listener receives, copying the reused row arrays. */
    public static final class Collector implements ResultStreamReader.Listener {
        public final List<TableHeader> tables = new ArrayList<>();
        public final List<List<Object[]>> rows = new ArrayList<>();

        @Override
        public void beginTable(TableHeader table) {
            tables.add(table);
            rows.add(new ArrayList<>());
        }

        @Override
        public void row(Object[] values) {
            rows.get(rows.size() - 1).add(values.clone());
        }
    }
}
