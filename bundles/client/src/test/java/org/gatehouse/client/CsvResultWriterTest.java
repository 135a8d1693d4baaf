package org.gatehouse.client;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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

public class CsvResultWriterTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void everyTypeIsWrittenAsRfc4180Text() throws Exception {
        Path target = folder.getRoot().toPath().resolve("all.csv");
        try (CsvResultWriter writer = new CsvResultWriter(target)) {
            writer.beginTable(new TableHeader(0, "all", GatehouseClientTest.ALL_TYPES));
            writer.row(GatehouseClientTest.EVERY_VALUE);
            writer.row(new Object[GatehouseClientTest.ALL_TYPES.size()]);
            assertEquals(List.of(target), writer.commit());
        }
        assertEquals("boolean,integer,long,double,decimal,string,date,time,timestamp,timestamp_tz,binary\r\n"
                + "true,42,7000000000,3.25,-12345678901234567890.123,\"naïve, \"\"quoted\"\"\n☃\",2026-11-28,"
                + "23:59:58.123456789,1969-12-31T23:00:01.000000005,2026-03-29T01:30:00-05:00,AAH/\r\n"
                + ",,,,,,,,,,\r\n", read(target));
    }

    @Test
    public void fieldsAreQuotedOnlyWhenTheyMustBe() {
        assertEquals("plain", field("plain"));
        assertEquals("with space", field("with space"));
        assertEquals("\"a,b\"", field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", field("say \"hi\""));
        assertEquals("\"line\r\nbreak\"", field("line\r\nbreak"));
        assertEquals("\"lf\nonly\"", field("lf\nonly"));
        assertEquals("\"\"", field("")); // an empty string, unlike null which is an empty field
    }

    @Test
    public void numbersAndTimesHaveOneUnambiguousForm() {
        assertEquals("1000", value(ColumnType.DECIMAL, new BigDecimal("1E+3")));
        assertEquals("0.000001", value(ColumnType.DECIMAL, new BigDecimal("1E-6")));
        assertEquals("1.0E10", value(ColumnType.DOUBLE, 1e10));
        assertEquals("NaN", value(ColumnType.DOUBLE, Double.NaN));
        assertEquals("10:15:00", value(ColumnType.TIME, java.time.LocalTime.of(10, 15)));
        assertEquals("2026-01-02T03:04:05Z", value(ColumnType.TIMESTAMP_TZ,
                java.time.OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, java.time.ZoneOffset.UTC)));
        assertEquals("", value(ColumnType.STRING, null));
    }

    @Test
    public void severalTablesGoToOneFilePerTable() throws Exception {
        Path target = folder.getRoot().toPath().resolve("sales.csv");
        Schema schema = new Schema(List.of(new Column("n", ColumnType.INTEGER)));
        List<Path> files;
        try (CsvResultWriter writer = new CsvResultWriter(target)) {
            writer.beginTable(new TableHeader(0, "orders", schema));
            writer.row(new Object[]{1});
            writer.beginTable(new TableHeader(1, "Customers/EU 2026", schema));
            writer.row(new Object[]{2});
            writer.beginTable(new TableHeader(2, "ORDERS", schema));
            files = writer.commit();
        }
        Path dir = folder.getRoot().toPath();
        assertEquals(List.of(dir.resolve("sales-orders.csv"), dir.resolve("sales-Customers_EU_2026.csv"),
                dir.resolve("sales-ORDERS-3.csv")), files);
        assertEquals("n\r\n1\r\n", read(files.get(0)));
        assertEquals("n\r\n2\r\n", read(files.get(1)));
        assertEquals("n\r\n", read(files.get(2)));
        assertEquals(files.size(), listFolder().size());
    }

    @Test
    public void anUncommittedResultLeavesNoFileAndKeepsThePreviousOne() throws Exception {
        Path target = folder.getRoot().toPath().resolve("keep.csv");
        Files.writeString(target, "previous good result\r\n");
        try (CsvResultWriter writer = new CsvResultWriter(target)) {
            writer.beginTable(new TableHeader(0, "t", new Schema(List.of(new Column("n", ColumnType.INTEGER)))));
            writer.row(new Object[]{1});
            // the result is rejected: no commit
        }
        assertEquals("previous good result\r\n", read(target));
        assertEquals(List.of(target), listFolder());
    }

    @Test
    public void aResultWithoutTablesIsAnEmptyFile() throws Exception {
        Path target = folder.getRoot().toPath().resolve("none.csv");
        try (CsvResultWriter writer = new CsvResultWriter(target)) {
            writer.commit();
        }
        assertTrue(Files.exists(target));
        assertEquals("", read(target));
    }

    private List<Path> listFolder() throws Exception {
        try (Stream<Path> files = Files.list(folder.getRoot().toPath())) {
            return files.sorted().toList();
        }
    }

    private static String field(String text) {
        StringBuilder out = new StringBuilder();
        CsvResultWriter.appendField(out, text);
        return out.toString();
    }

    private static String value(ColumnType type, Object value) {
        StringBuilder out = new StringBuilder();
        CsvResultWriter.appendValue(out, type, value);
        return out.toString();
    }

    static String read(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
