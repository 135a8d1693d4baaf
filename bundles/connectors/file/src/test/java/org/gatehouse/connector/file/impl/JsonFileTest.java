package org.gatehouse.connector.file.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.gatehouse.api.Column;
import org.gatehouse.api.ColumnType;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.ConnectorException.Reason;
import org.gatehouse.api.RowSource;
import org.junit.Test;

public class JsonFileTest extends FileTestSupport {

    @Test
    public void anArrayOfObjectsIsOneRowPerObjectWithNestedFieldsFlattened() throws Exception {
        write("a.json", "[{\"id\": 1, \"price\": 2.50, \"ok\": true, \"customer\": {\"name\": \"Ann\", \"city\": null},"
                + " \"tags\": [\"x\", 1]},\n {\"id\": 2, \"price\": 3, \"extra\": \"ignored? no, a column\"}]");
        RowSource source = open("a.json");
        assertEquals(List.of(new Column("id", ColumnType.LONG), new Column("price", ColumnType.DECIMAL),
                new Column("ok", ColumnType.BOOLEAN), new Column("customer.name", ColumnType.STRING),
                new Column("customer.city", ColumnType.STRING), new Column("tags", ColumnType.STRING),
                new Column("extra", ColumnType.STRING)), source.schema().columns());
        assertEquals(List.of(
                Arrays.asList(1L, new BigDecimal("2.50"), true, "Ann", null, "[\"x\",1]", null),
                Arrays.asList(2L, new BigDecimal("3"), null, null, null, null, "ignored? no, a column")),
                Rows.all(source));
    }

    @Test
    public void ndjsonIsOneRowPerLine() throws Exception {
        write("events.ndjson", "{\"n\":1,\"at\":\"2024-05-01T10:00:00\"}\n{\"n\":2,\"at\":\"2024-05-02T11:00:00\"}\n");
        RowSource source = open("events.ndjson");
        assertEquals(ColumnType.TIMESTAMP, source.schema().column(1).type());
        List<List<Object>> rows = Rows.all(source);
        assertEquals(2, rows.size());
        assertEquals(2L, rows.get(1).get(0));
    }

    @Test
    public void aRecordPathFindsTheRecordsInsideAnObject() throws Exception {
        write("wrapped.json", "{\"meta\": {\"count\": 2}, \"data\": {\"items\": [{\"a\": 1}, {\"a\": 2}]}, \"z\": 0}");
        assertEquals(List.of(List.of(1L), List.of(2L)), Rows.all(open("wrapped.json", "recordPath", "data.items")));
        assertEquals(List.of(), Rows.all(open("wrapped.json", "recordPath", "data.none")));
    }

    @Test
    public void invalidJsonIsReportedWithItsPosition() throws Exception {
        write("bad.json", "[{\"a\": 1},\n {\"a\": 2,, }]");
        ConnectorException e = failure("bad.json");
        assertEquals(Reason.QUERY_FAILED, e.reason());
        assertTrue(e.getMessage(), e.getMessage().startsWith("data source files, query q: bad.json: invalid JSON "
                + "at line 2 column 10 (character 20)"));
    }

    @Test
    public void declaredColumnsConvertJsonValues() throws Exception {
        write("d.json", "[{\"when\": \"2024-01-02\", \"n\": \"42\"}]");
        RowSource source = open("d.json", "columns", "n:int,when:timestamp");
        assertEquals(List.of(List.of(42, java.time.LocalDateTime.of(2024, 1, 2, 0, 0))), Rows.all(source));
    }
}
