package org.gatehouse.protocol;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gatehouse.api.Column;
import org.gatehouse.api.ColumnType;
import org.gatehouse.api.Schema;
import org.junit.Test;

public class ResultStreamTest {

    private static final Schema ALL_TYPES = new Schema(Arrays.stream(ColumnType.values())
            .map(t -> new Column(t.name().toLowerCase(), t)).toList());

    private final List<Frame> sent = new ArrayList<>();

    @Test
    public void everyTypeAndNullSurvivesTheRoundTrip() throws Exception {
        Object[] values = {true, 42, 7_000_000_000L, 3.25, new BigDecimal("-12345678901234567890.123"), "naïve ☃",
            LocalDate.of(2026, 11, 28), LocalTime.of(23, 59, 58, 123_456_789),
            LocalDateTime.of(1969, 12, 31, 23, 0, 1, 5), OffsetDateTime.of(2026, 3, 29, 1, 30, 0, 0,
            ZoneOffset.ofHours(-5)), new byte[]{0, 1, (byte) 255}};
        ResultStreamWriter writer = new ResultStreamWriter(sent::add, "c1", "gw", 1024);
        writer.beginTable("all", ALL_TYPES);
        writer.row(values);
        writer.row(new Object[ALL_TYPES.size()]);
        writer.endTable(2);
        writer.finish();

        List<Object[]> rows = readAll("c1");
        assertEquals(2, rows.size());
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof byte[]) {
                assertArrayEquals((byte[]) values[i], (byte[]) rows.get(0)[i]);
            } else {
                assertEquals(ALL_TYPES.column(i).name(), values[i], rows.get(0)[i]);
            }
            assertEquals(null, rows.get(1)[i]);
        }
    }

    @Test
    public void rowsAreSplitIntoBoundedChunksWithConsecutiveSequenceNumbers() throws Exception {
        Schema schema = new Schema(List.of(new Column("id", ColumnType.LONG), new Column("name", ColumnType.STRING)));
        ResultStreamWriter writer = new ResultStreamWriter(sent::add, "c2", "gw", 4096);
        for (int table = 0; table < 2; table++) {
            writer.beginTable("t" + table, schema);
            for (long i = 0; i < 10_000; i++) {
                writer.row(new Object[]{i, "row " + i});
            }
            writer.endTable(10_000);
        }
        writer.finish();

        for (int i = 0; i < sent.size(); i++) {
            assertEquals((long) i, sent.get(i).number(Protocol.SEQUENCE));
            assertTrue(sent.get(i).body().length <= 4096);
        }
        assertTrue("expected many chunks, got " + sent.size(), sent.size() > 50);
        Frame end = sent.get(sent.size() - 1);
        assertEquals(MessageType.END, end.type().get());
        assertEquals(20_000L, end.number(Protocol.ROWS));
        assertEquals(20_000, readAll("c2").size());
    }

    @Test
    public void theEndCarriesTheRefreshsWarningsOnePerLine() throws Exception {
        Schema schema = new Schema(List.of(new Column("n", ColumnType.DOUBLE)));
        ResultStreamWriter writer = new ResultStreamWriter(sent::add, "c5", "gw", 1024);
        writer.beginTable("t", schema);
        writer.row(new Object[] {null});
        writer.endTable(1);
        writer.finish(java.util.Map.of(Protocol.WARNINGS, "query a: 1 cell's value is an error\nquery b: 2 cells"));
        ResultStreamReader reader = new ResultStreamReader("c5", new Collecting());
        for (Frame f : sent) {
            reader.accept(f);
        }
        assertEquals(List.of("query a: 1 cell's value is an error", "query b: 2 cells"), reader.warnings());

        sent.clear();
        writeLongResult("c6");
        ResultStreamReader without = new ResultStreamReader("c6", new Collecting());
        for (Frame f : sent) {
            without.accept(f);
        }
        assertEquals(List.of(), without.warnings());
    }

    @Test
    public void aMissingChunkIsRejected() throws Exception {
        writeLongResult("c3");
        sent.remove(3);
        expectPartial("c3", "expected message 3");
    }

    @Test
    public void aDamagedChunkFailsTheChecksum() throws Exception {
        writeLongResult("c4");
        Frame rows = sent.get(2);
        byte[] body = rows.body().clone();
        body[body.length - 1] ^= 1; // flips a bit of the last string's last character
        sent.set(2, new Frame(rows.properties(), body));
        expectPartial("c4", "checksum");
    }

    @Test
    public void aResultWithoutItsEndIsNotComplete() throws Exception {
        writeLongResult("c5");
        sent.remove(sent.size() - 1);
        ResultStreamReader reader = new ResultStreamReader("c5", new Collecting());
        for (Frame f : sent) {
            assertFalse(reader.accept(f));
        }
        assertFalse(reader.isComplete());
    }

    @Test
    public void anErrorMidStreamReachesTheReaderWithItsCode() throws Exception {
        ResultStreamWriter writer = new ResultStreamWriter(sent::add, "c6", "gw", 1024);
        writer.beginTable("t", new Schema(List.of(new Column("x", ColumnType.INTEGER))));
        writer.row(new Object[]{1});
        writer.fail("QUERY_FAILED", "division by zero");
        try {
            readAll("c6");
            fail("error expected");
        } catch (RemoteErrorException e) {
            assertEquals("QUERY_FAILED", e.code());
            assertTrue(e.getMessage().contains("division by zero"));
        }
    }

    @Test(expected = ResultStreamWriter.RowTooLargeException.class)
    public void aRowLargerThanAMessageFailsInsteadOfBreakingTheBound() throws Exception {
        ResultStreamWriter writer = new ResultStreamWriter(sent::add, "c7", "gw", 100);
        writer.beginTable("t", new Schema(List.of(new Column("x", ColumnType.STRING))));
        writer.row(new Object[]{"x".repeat(200)});
    }

    @Test
    public void requestsRoundTripAndBadOnesAreExplained() throws Exception {
        RequestMessage request = RequestMessage.runQuery("id-1", "reply.q", "sales", "by-region");
        assertEquals(request, RequestMessage.parse(request.toFrame()));

        Map<String, Object> props = new HashMap<>(request.toFrame().properties());
        props.put(Protocol.PROTOCOL_VERSION, 99);
        assertParseFails(props, ErrorCode.UNSUPPORTED_VERSION, "version 99");

        props = new HashMap<>(request.toFrame().properties());
        props.remove(Protocol.DATASET);
        assertParseFails(props, ErrorCode.BAD_REQUEST, Protocol.DATASET);

        props = new HashMap<>(request.toFrame().properties());
        props.put(Protocol.OPERATION, "drop-tables");
        assertParseFails(props, ErrorCode.BAD_REQUEST, "drop-tables");
    }

    private static void assertParseFails(Map<String, Object> props, String code, String mention) {
        try {
            RequestMessage.parse(new Frame(props, null));
            fail("parse should fail");
        } catch (ProtocolException e) {
            assertEquals(code, e.code());
            assertTrue(e.getMessage(), e.getMessage().contains(mention));
        }
    }

    private void writeLongResult(String correlationId) throws Exception {
        ResultStreamWriter writer = new ResultStreamWriter(sent::add, correlationId, "gw", 256);
        writer.beginTable("t", new Schema(List.of(new Column("s", ColumnType.STRING))));
        for (int i = 0; i < 200; i++) {
            writer.row(new Object[]{"value " + i});
        }
        writer.endTable(200);
        writer.finish();
    }

    private void expectPartial(String correlationId, String mention) throws Exception {
        try {
            readAll(correlationId);
            fail("partial result accepted");
        } catch (PartialResultException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(mention));
        }
    }

    private List<Object[]> readAll(String correlationId) throws Exception {
        Collecting rows = new Collecting();
        ResultStreamReader reader = new ResultStreamReader(correlationId, rows);
        boolean complete = false;
        for (Frame f : sent) {
            complete = reader.accept(f);
        }
        assertTrue("result not complete", complete);
        return rows.rows;
    }

    private static final class Collecting implements ResultStreamReader.Listener {
        final List<Object[]> rows = new ArrayList<>();

        @Override
        public void beginTable(TableHeader table) {
        }

        @Override
        public void row(Object[] values) {
            rows.add(values.clone());
        }
    }
}
