package org.gatehouse.connector.web.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.gatehouse.api.Column;
import org.gatehouse.api.ColumnType;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.DataSourceSettings;
import org.gatehouse.api.Query;
import org.gatehouse.api.RowSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

public class ODataTest {

    private static final String METADATA = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
            + "<edmx:Edmx Version=\"4.0\" xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\">"
            + "<edmx:DataServices><Schema Namespace=\"Shop\" xmlns=\"http://docs.oasis-open.org/odata/ns/edm\">"
            + "<EntityType Name=\"Product\"><Key><PropertyRef Name=\"ID\"/></Key>"
            + "<Property Name=\"ID\" Type=\"Edm.Int32\" Nullable=\"false\"/>"
            + "<Property Name=\"Name\" Type=\"Edm.String\"/>"
            + "<Property Name=\"Price\" Type=\"Edm.Decimal\"/>"
            + "<Property Name=\"Released\" Type=\"Edm.Date\"/>"
            + "<Property Name=\"Updated\" Type=\"Edm.DateTimeOffset\"/>"
            + "<Property Name=\"Address\" Type=\"Shop.Address\"/>"
            + "<NavigationProperty Name=\"Category\" Type=\"Shop.Category\"/>"
            + "</EntityType></Schema>"
            + "<Schema Namespace=\"Default\" xmlns=\"http://docs.oasis-open.org/odata/ns/edm\">"
            + "<EntityContainer Name=\"Container\"><EntitySet Name=\"Products\" EntityType=\"Shop.Product\"/>"
            + "</EntityContainer></Schema></edmx:DataServices></edmx:Edmx>";

    private TestServer server;
    private final WebConnector connector = new WebConnector();

    @Before
    public void start() throws Exception {
        server = new TestServer();
        server.on("/odata/$metadata", exchange -> TestServer.send(exchange, 200, "application/xml", METADATA));
        server.on("/odata/Products", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            if (query != null && query.contains("$skiptoken=2")) {
                TestServer.json(exchange, "{\"@odata.context\": \"x\", \"value\": [{\"@odata.etag\": \"W/1\", "
                        + "\"ID\": 3, \"Name\": \"Gamma\", \"Price\": 1.25, \"Released\": null, "
                        + "\"Updated\": \"2024-03-01T00:00:00Z\"}]}");
            } else {
                TestServer.json(exchange, "{\"@odata.context\": \"x\", \"value\": [{\"ID\": 1, \"Name\": \"Alpha\", "
                        + "\"Price\": 10, \"Released\": \"2023-12-24\", \"Updated\": \"2024-01-01T10:00:00+01:00\"},"
                        + "{\"ID\": 2, \"Name\": \"Beta\", \"Price\": 20.5, \"Released\": \"2024-01-05\", "
                        + "\"Updated\": \"2024-02-01T10:00:00Z\"}], \"@odata.nextLink\": \""
                        + server.url("/odata/Products") + "?$filter=Price%20gt%205&$skiptoken=2\"}");
            }
        });
    }

    @After
    public void stop() {
        server.close();
        connector.deactivate();
    }

    private RowSource open(String text, String... settings) throws Exception {
        Map<String, String> properties = new java.util.HashMap<>(Map.of("url", server.url("/odata"), "format",
                "odata"));
        for (int i = 0; i < settings.length; i += 2) {
            properties.put(settings[i], settings[i + 1]);
        }
        return connector.open(new DataSourceSettings("shop", "web", properties), Credentials.anonymous(),
                new Query("products", text));
    }

    @Test
    public void metadataTypesTheColumnsAndNextLinksArePaged() throws Exception {
        RowSource source = open("Products?$filter=Price gt 5");
        assertEquals(List.of(new Column("ID", ColumnType.INTEGER), new Column("Name", ColumnType.STRING),
                new Column("Price", ColumnType.DECIMAL), new Column("Released", ColumnType.DATE),
                new Column("Updated", ColumnType.TIMESTAMP_TZ)), source.schema().columns());
        List<List<Object>> rows = WebConnectorTest.rows(source);
        assertEquals(3, rows.size());
        assertEquals(Arrays.asList(1, "Alpha", new BigDecimal("10"), LocalDate.of(2023, 12, 24),
                OffsetDateTime.parse("2024-01-01T10:00:00+01:00")), rows.get(0));
        assertEquals(Arrays.asList(3, "Gamma", new BigDecimal("1.25"), null,
                OffsetDateTime.parse("2024-03-01T00:00:00Z")), rows.get(2));
        // the filter went to the service as written, spaces encoded
        assertTrue(server.requests.toString(), server.requests.contains("GET /odata/Products?$filter=Price%20gt%205"));
        assertEquals("GET /odata/$metadata", server.requests.get(0));
    }

    @Test
    public void selectNarrowsAndOrdersTheColumns() throws Exception {
        RowSource source = open("Products?$select=Price,ID");
        assertEquals(List.of(new Column("Price", ColumnType.DECIMAL), new Column("ID", ColumnType.INTEGER)),
                source.schema().columns());
        assertEquals(List.of(new BigDecimal("10"), 1), WebConnectorTest.rows(source).get(0));
        assertTrue(server.requests.contains("GET /odata/Products?$select=Price,ID"));
    }

    @Test
    public void withoutMetadataTypesComeFromTheValues() throws Exception {
        RowSource source = open("Products", "odataMetadata", "false");
        assertEquals(List.of(new Column("ID", ColumnType.LONG), new Column("Name", ColumnType.STRING),
                new Column("Price", ColumnType.DECIMAL), new Column("Released", ColumnType.DATE),
                new Column("Updated", ColumnType.TIMESTAMP_TZ)), source.schema().columns());
        assertEquals(3, WebConnectorTest.rows(source).size());
        assertTrue(server.requests.stream().noneMatch(r -> r.contains("$metadata")));
    }

    @Test
    public void aServiceWithoutMetadataFallsBackToValues() throws Exception {
        server.handlers.remove("/odata/$metadata");
        RowSource source = open("Products");
        assertEquals(ColumnType.LONG, source.schema().column(0).type());
        assertEquals(3, WebConnectorTest.rows(source).size());
    }
}
