package org.gatehouse.powerquery;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.gatehouse.api.ColumnType;
import org.junit.Test;

/** File.Contents and Csv.Document stream: rows are produced as they are read, and a source is re-opened per read. */
public class StreamingTest {

    /** A file that never ends: "n,n*2" lines after a header, counting how often it is opened. */
    private static final class EndlessCsv implements DataAccess {

        final AtomicInteger opens = new AtomicInteger();

        @Override
        public byte[] fileContents(String path) {
            throw new AssertionError("the engine asked for all the bytes of an endless file");
        }

        @Override
        public BinarySource fileStream(String path) {
            return () -> {
                opens.incrementAndGet();
                return new InputStream() {
                    private long line;
                    private byte[] pending = "A,B\n".getBytes(StandardCharsets.US_ASCII);
                    private int at;

                    @Override
                    public int read() {
                        if (at == pending.length) {
                            line++;
                            pending = (line + "," + line * 2 + "\n").getBytes(StandardCharsets.US_ASCII);
                            at = 0;
                        }
                        return pending[at++];
                    }
                };
            };
        }
    }

    private static final String PIPELINE = "let Source = Csv.Document(File.Contents(\"C:\\endless.csv\"), [Delimiter=\",\","
            + " Columns=2, Encoding=65001, QuoteStyle=QuoteStyle.None]),"
            + " Promoted = Table.PromoteHeaders(Source, [PromoteAllScalars=true]),"
            + " Typed = Table.TransformColumnTypes(Promoted, {{\"A\", Int64.Type}, {\"B\", type number}}),"
            + " Odd = Table.SelectRows(Typed, each Number.Mod([A], 2) = 1),"
            + " Added = Table.AddColumn(Odd, \"Sum\", each [A] + [B], type number),"
            + " Renamed = Table.RenameColumns(Added, {{\"B\", \"Double\"}}),"
            + " Chosen = Table.SelectColumns(Renamed, {\"A\", \"Double\", \"Sum\"}),"
            + " Text = Table.TransformColumns(Chosen, {{\"Sum\", each _ * 10, type number}}),"
            + " Replaced = Table.ReplaceValue(Text, 30, 31, Replacer.ReplaceValue, {\"Sum\"}),"
            + " Both = Table.Combine({Table.FirstN(Replaced, 2), Table.FirstN(Replaced, 1)})"
            + " in Table.FirstN(Both, 3)";

    private static List<List<Object>> read(QueryStream stream) {
        List<List<Object>> rows = new ArrayList<>();
        try (stream) {
            for (List<Object> row = stream.next(); row != null; row = stream.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    public void aPipelineOverAnEndlessFileStopsReadingAtFirstN() {
        EndlessCsv access = new EndlessCsv();
        QueryStream stream = PowerQuery.stream("section S; shared Q = " + PIPELINE + ";", "Q", access);
        assertEquals(List.of("A", "Double", "Sum"), stream.columnNames());
        assertEquals(ColumnType.LONG, stream.columns().get(0).type());
        assertEquals(List.of(List.of(1L, 2.0, 31.0), List.of(3L, 6.0, 90.0), List.of(1L, 2.0, 31.0)), read(stream));
    }

    @Test
    public void aStreamedTableIsReadAgainForEachEnumeration() {
        EndlessCsv access = new EndlessCsv();
        QueryStream stream = PowerQuery.stream("section S; shared Q = let T = Table.FirstN(Csv.Document("
                + "File.Contents(\"x\"), [Columns=2]), 5) in Table.RowCount(T) + Table.RowCount(T);", "Q", access);
        assertEquals(List.of(List.of(10.0)), read(stream));
        assertEquals(2, access.opens.get());
    }

    @Test
    public void untypedColumnsFindTheirTypeInAnExtraPass() {
        QueryStream stream = PowerQuery.stream("section S; shared Q = Table.FromRecords({[A = 1, B = \"x\"],"
                + " [A = 2, B = 3]});", "Q", new EndlessCsv());
        assertEquals(ColumnType.DOUBLE, stream.columns().get(0).type());
        assertEquals(ColumnType.STRING, stream.columns().get(1).type());
        assertEquals(List.of(List.of(1.0, "x"), List.of(2.0, "3")), read(stream));
    }

    @Test
    public void aFailingCellIsLoadedAsNullAndTheReadGoesOn() {
        QueryStream stream = PowerQuery.stream("section S; shared Q = Table.TransformColumnTypes(Table.FirstN("
                + "Csv.Document(\"1#(lf)x#(lf)3\"), 3), {{\"Column1\", type number}});", "Q", new EndlessCsv());
        assertEquals(List.of(1.0), stream.next());
        assertEquals(java.util.Arrays.asList((Object) null), stream.next()); // the text x is no number
        assertEquals(List.of(3.0), stream.next());
        assertNull(stream.next());
        assertEquals(1, stream.warnings().size());
        stream.close();
    }

    @Test
    public void csvQuotesAndLineEndsReadAsBefore() {
        QueryResult r = PowerQuery.evaluate("section S; shared Q = Csv.Document(\"a,\"\"b,c\"\"#(cr,lf)d#(cr)e#(lf)\", "
                + "[QuoteStyle=QuoteStyle.Csv]);", "Q", new EndlessCsv());
        assertEquals(List.of(List.of("a", "b,c"), java.util.Arrays.asList("d", null), java.util.Arrays.asList("e", null)),
                r.rows());
        assertNull(r.error());
    }
}
