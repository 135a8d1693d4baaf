package org.gatehouse.client;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.gatehouse.api.Column;
import org.gatehouse.api.ColumnType;
import org.gatehouse.api.Schema;
import org.gatehouse.protocol.TableHeader;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class JsonLinesResultWriterTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void everyTypeMapsToItsJsonForm() throws Exception {
        Path target = folder.getRoot().toPath().resolve("all.jsonl");
        try (JsonLinesResultWriter writer = new JsonLinesResultWriter(target)) {
            writer.beginTable(new TableHeader(0, "all", GatehouseClientTest.ALL_TYPES));
            writer.row(GatehouseClientTest.EVERY_VALUE);
            writer.row(new Object[GatehouseClientTest.ALL_TYPES.size()]);
            writer.commit();
        }
        assertEquals("{\"boolean\":true,\"integer\":42,\"long\":7000000000,\"double\":3.25,"
                + "\"decimal\":-12345678901234567890.123,\"string\":\"naïve, \\\"quoted\\\"\\n☃\","
                + "\"date\":\"2026-11-28\",\"time\":\"23:59:58.123456789\","
                + "\"timestamp\":\"1969-12-31T23:00:01.000000005\",\"timestamp_tz\":\"2026-03-29T01:30:00-05:00\","
                + "\"binary\":\"AAH/\"}\n"
                + "{\"boolean\":null,\"integer\":null,\"long\":null,\"double\":null,\"decimal\":null,\"string\":null,"
                + "\"date\":null,\"time\":null,\"timestamp\":null,\"timestamp_tz\":null,\"binary\":null}\n",
                CsvResultWriterTest.read(target));
    }

    @Test
    public void numbersThatJsonCannotHoldBecomeStringsAndDecimalsKeepEveryDigit() {
        assertEquals("\"NaN\"", value(ColumnType.DOUBLE, Double.NaN));
        assertEquals("\"-Infinity\"", value(ColumnType.DOUBLE, Double.NEGATIVE_INFINITY));
        assertEquals("1.0E-7", value(ColumnType.DOUBLE, 1e-7));
        assertEquals("123456789012345678901234567890.000000000000000001",
                value(ColumnType.DECIMAL, new BigDecimal("123456789012345678901234567890.000000000000000001")));
        assertEquals("1200", value(ColumnType.DECIMAL, new BigDecimal("1.2E+3")));
        assertEquals("false", value(ColumnType.BOOLEAN, false));
        assertEquals("-2147483648", value(ColumnType.INTEGER, Integer.MIN_VALUE));
    }

    @Test
    public void stringsAreEscapedByHand() {
        assertEquals("\"plain\"", JsonText.quote("plain"));
        assertEquals("\"q\\\" b\\\\ s/\"", JsonText.quote("q\" b\\ s/"));
        assertEquals("\"\\n\\r\\t\\b\\f\"", JsonText.quote("\n\r\t\b\f"));
        assertEquals("\"\\u0000\\u001f\u007f\"", JsonText.quote("\u0000\u001f\u007f")); // DEL needs no escape
        assertEquals("\"\\u2028\\u2029\"", JsonText.quote("\u2028\u2029"));
        assertEquals("\"😀 ☃ é\"", JsonText.quote("😀 ☃ é")); // a valid surrogate pair stays as is
        assertEquals("\"\\ud800x\\udc00\"", JsonText.quote("\ud800x\udc00")); // lone surrogates are escaped
        assertEquals("\"\"", JsonText.quote(""));
    }

    @Test
    public void severalTablesShareTheFileWithATableField() throws Exception {
        Path target = folder.getRoot().toPath().resolve("sales.jsonl");
        Schema schema = new Schema(List.of(new Column("n", ColumnType.INTEGER), new Column("s", ColumnType.STRING)));
        try (JsonLinesResultWriter writer = new JsonLinesResultWriter(target)) {
            writer.beginTable(new TableHeader(0, "orders", schema));
            writer.row(new Object[]{1, "a\nb"});
            writer.row(new Object[]{2, null});
            writer.beginTable(new TableHeader(1, "no \"columns\"", new Schema(List.of())));
            writer.row(new Object[0]);
            writer.beginTable(new TableHeader(2, "empty", schema));
            assertEquals(List.of(target), writer.commit());
        }
        assertEquals("{\"_table\":\"orders\",\"n\":1,\"s\":\"a\\nb\"}\n"
                + "{\"_table\":\"orders\",\"n\":2,\"s\":null}\n"
                + "{\"_table\":\"no \\\"columns\\\"\"}\n", CsvResultWriterTest.read(target));
        try (Stream<Path> files = Files.list(folder.getRoot().toPath())) {
            assertEquals(List.of(target), files.toList()); // no part files left behind
        }
    }

    private static String value(ColumnType type, Object value) {
        StringBuilder out = new StringBuilder();
        JsonText.appendValue(out, type, value);
        return out.toString();
    }
}
