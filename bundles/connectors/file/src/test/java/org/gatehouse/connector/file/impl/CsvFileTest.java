package org.gatehouse.connector.file.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gatehouse.api.Column;
import org.gatehouse.api.ColumnType;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.ConnectorException.Reason;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.DataSourceSettings;
import org.gatehouse.api.Query;
import org.gatehouse.api.RowSource;
import org.gatehouse.api.Schema;
import org.gatehouse.connector.file.format.RecordRowSource;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class CsvFileTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private FileConnector connector;
    private Path root;

    @Before
    public void setUp() throws Exception {
        root = temp.newFolder("root").toPath();
        connector = new FileConnector(root.toString());
    }

    private Path write(String name, String text, Charset charset) throws Exception {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, text.getBytes(charset));
        return file;
    }

    private RowSource open(String text, String... settings) throws ConnectorException {
        Map<String, String> properties = new HashMap<>();
        properties.put("folder", root.toString());
        for (int i = 0; i < settings.length; i += 2) {
            properties.put(settings[i], settings[i + 1]);
        }
        return connector.open(new DataSourceSettings("files", "file", properties), Credentials.anonymous(),
                new Query("q", text));
    }

    private ConnectorException failure(String text, String... settings) {
        try {
            Rows.all(open(text, settings));
            fail("expected a failure");
            return null;
        } catch (ConnectorException e) {
            return e;
        }
    }

    @Test
    public void typesAreInferredFromTheSample() throws Exception {
        write("sales.csv", "id,amount,day,paid,note,at,zip\n"
                + "1,12.50,2024-01-31,true,first,2024-01-31T10:15:00+02:00,01234\n"
                + "2,3,2024-02-01,FALSE,,2024-02-01T00:00:00Z,99999\n", StandardCharsets.UTF_8);
        RowSource source = open("sales.csv");
        assertEquals(new Schema(List.of(new Column("id", ColumnType.LONG), new Column("amount", ColumnType.DECIMAL),
                new Column("day", ColumnType.DATE), new Column("paid", ColumnType.BOOLEAN),
                new Column("note", ColumnType.STRING), new Column("at", ColumnType.TIMESTAMP_TZ),
                new Column("zip", ColumnType.STRING))), source.schema());
        List<List<Object>> rows = Rows.all(source);
        assertEquals(Arrays.asList(1L, new BigDecimal("12.50"), LocalDate.of(2024, 1, 31), true, "first",
                OffsetDateTime.parse("2024-01-31T10:15:00+02:00"), "01234"), rows.get(0));
        assertEquals(Arrays.asList(2L, new BigDecimal("3"), LocalDate.of(2024, 2, 1), false, "",
                OffsetDateTime.parse("2024-02-01T00:00:00Z"), "99999"), rows.get(1));
    }

    @Test
    public void aValueBeyondTheSampleThatDoesNotFitFailsWithFileAndLine() throws Exception {
        StringBuilder text = new StringBuilder("id,name\n");
        for (int i = 1; i <= 20; i++) {
            text.append(i).append(",n").append(i).append('\n');
        }
        text.append("x21,n21\n");
        write("ids.csv", text.toString(), StandardCharsets.UTF_8);
        ConnectorException e = failure("ids.csv", "sampleRows", "10");
        assertEquals(Reason.QUERY_FAILED, e.reason());
        assertEquals("data source files, query q: ids.csv line 22: column 'id': 'x21' is not a long", e.getMessage());
    }

    @Test
    public void malformedRowsAreSkippedAndCountedWhenTheDataSourceSaysSo() throws Exception {
        write("m.csv", "a,b\n1,2\n3\n4,x\"y\"\n5,6\n7,8,9\n", StandardCharsets.UTF_8);
        RecordRowSource source = (RecordRowSource) open("m.csv", "skipMalformedRows", "true",
                "columns", "a:int, b:string");
        List<List<Object>> rows = Rows.all(source);
        assertEquals(List.of(List.of(1, "2"), List.of(4, "x\"y\""), List.of(5, "6")), rows);
        assertEquals(2, source.skippedRows());

        ConnectorException e = failure("m.csv", "columns", "a:int, b:string");
        assertEquals("data source files, query q: m.csv line 3: 1 fields where the header has 2", e.getMessage());
    }

    @Test
    public void aDeclaredSchemaMatchesHeaderNamesAndSkipsInference() throws Exception {
        write("d.csv", "b;a;ignored\n2024-03-01 ;7;z\n", StandardCharsets.UTF_8);
        RowSource source = open("d.csv", "delimiter", ";", "columns", "a:decimal,b:date,missing:text");
        assertEquals(List.of(new Column("a", ColumnType.DECIMAL), new Column("b", ColumnType.DATE),
                new Column("missing", ColumnType.STRING)), source.schema().columns());
        assertEquals(List.of(Arrays.asList(new BigDecimal("7"), LocalDate.of(2024, 3, 1), null)), Rows.all(source));
    }

    @Test
    public void tsvWithoutHeader() throws Exception {
        write("t.tsv", "1\t2024-01-01T08:00\n2\t2024-01-02T09:30\n", StandardCharsets.UTF_8);
        RowSource source = open("t.tsv", "header", "false");
        assertEquals(List.of(new Column("Column1", ColumnType.LONG), new Column("Column2", ColumnType.TIMESTAMP)),
                source.schema().columns());
        assertEquals(List.of(List.of(1L, LocalDateTime.of(2024, 1, 1, 8, 0)),
                List.of(2L, LocalDateTime.of(2024, 1, 2, 9, 30))), Rows.all(source));
    }

    @Test
    public void utf16WithAByteOrderMarkIsDetected() throws Exception {
        byte[] text = "name,city\nZoë,Köln\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[text.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(text, 0, withBom, 2, text.length);
        Files.write(root.resolve("u16.csv"), withBom);
        assertEquals(List.of(List.of("Zoë", "Köln")), Rows.all(open("u16.csv")));

        write("u8.csv", "\uFEFFname\nÅsa\n", StandardCharsets.UTF_8);
        RowSource source = open("u8.csv");
        assertEquals("name", source.schema().column(0).name());
        assertEquals(List.of(List.of("Åsa")), Rows.all(source));
    }

    @Test
    public void windows1252IsReadWhenDeclaredAndRefusedAsUtf8() throws Exception {
        write("w.csv", "item,price\nCafé,€5\n", Charset.forName("windows-1252"));
        assertEquals(List.of(List.of("Café", "€5")), Rows.all(open("w.csv", "encoding", "windows-1252")));

        ConnectorException e = failure("w.csv");
        assertEquals(Reason.QUERY_FAILED, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("not valid in the expected encoding"));
        assertTrue(e.getMessage(), e.getMessage().contains("'encoding'"));
    }

    @Test
    public void anEmptyFileIsAnEmptyTable() throws Exception {
        write("empty.csv", "", StandardCharsets.UTF_8);
        RowSource source = open("empty.csv");
        assertEquals(0, source.schema().size());
        assertEquals(List.of(), Rows.all(source));

        write("header-only.csv", "a,b\n", StandardCharsets.UTF_8);
        source = open("header-only.csv");
        assertEquals(List.of(new Column("a", ColumnType.STRING), new Column("b", ColumnType.STRING)),
                source.schema().columns());
        assertEquals(List.of(), Rows.all(source));
    }

    @Test
    public void aMissingFileFailsAsUnreachable() {
        ConnectorException e = failure("nope.csv");
        assertEquals(Reason.SOURCE_UNREACHABLE, e.reason());
        assertEquals("data source files, query q: 'nope.csv' does not exist (removed or renamed while the gateway "
                + "read it?)", e.getMessage());
    }

    @Test
    public void cancelStopsTheRead() throws Exception {
        write("c.csv", "a\n1\n2\n3\n", StandardCharsets.UTF_8);
        RowSource source = open("c.csv");
        Object[] row = new Object[1];
        assertTrue(source.next(row));
        source.cancel();
        try {
            source.next(row);
            fail();
        } catch (ConnectorException e) {
            assertEquals(Reason.CANCELLED, e.reason());
        } finally {
            source.close();
        }
    }

    @Test
    public void unknownSettingsValuesAreInvalidSettings() {
        assertEquals(Reason.INVALID_SETTINGS, failure("x.csv", "encoding", "klingon").reason());
        assertEquals(Reason.INVALID_SETTINGS, failure("x.csv", "format", "parquet").reason());
        assertEquals(Reason.INVALID_SETTINGS, failure("x.csv", "columns", "a:money").reason());
        assertEquals(Reason.INVALID_SETTINGS, failure("x.csv", "delimiter", ";;").reason());
    }

    @Test
    public void anUnknownExtensionWithoutAFormatIsUnsupported() throws Exception {
        write("data.bin", "a\n1\n", StandardCharsets.UTF_8);
        assertEquals(Reason.UNSUPPORTED, failure("data.bin").reason());
        assertEquals(List.of(List.of(1L)), Rows.all(open("data.bin", "format", "csv")));
        File legacy = root.resolve("old.xls").toFile();
        assertTrue(legacy.createNewFile());
        assertTrue(failure("old.xls").getMessage().contains("save it as .xlsx"));
    }
}
