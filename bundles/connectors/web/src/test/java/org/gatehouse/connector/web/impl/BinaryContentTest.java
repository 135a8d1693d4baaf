package org.gatehouse.connector.web.impl;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
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
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** {@code format = binary}: a response body as is, in one row, the way Power Query's Web.Contents reads it. */
public class BinaryContentTest {

    private TestServer server;
    private final WebConnector connector = new WebConnector();

    @Before
    public void start() throws Exception {
        server = new TestServer();
        server.on("/files/report.csv", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null) {
                TestServer.send(exchange, 401, "text/plain", "who are you");
            } else {
                TestServer.send(exchange, 200, "text/csv", "a,b\r\n1,2\r\n");
            }
        });
    }

    @After
    public void stop() {
        server.close();
        connector.deactivate();
    }

    private RowSource open(String text, Map<String, String> options, String... settings) throws ConnectorException {
        Map<String, String> properties = new java.util.HashMap<>(Map.of("url", server.url("/files")));
        for (int i = 0; i < settings.length; i += 2) {
            properties.put(settings[i], settings[i + 1]);
        }
        return connector.open(new DataSourceSettings("files", "web", properties), Credentials.basic("ann", "pw"),
                new Query("q", text, options));
    }

    @Test
    public void theBodyComesAsOneBinaryRowWithTheSourcesCredentials() throws ConnectorException {
        try (RowSource rows = open(server.url("/files/report.csv"), Map.of("format", "binary"))) {
            assertEquals(List.of(new Column("Content", ColumnType.BINARY)), rows.schema().columns());
            Object[] row = new Object[1];
            assertTrue(rows.next(row));
            assertArrayEquals("a,b\r\n1,2\r\n".getBytes(StandardCharsets.UTF_8), (byte[]) row[0]);
            assertEquals(false, rows.next(row));
        }
    }

    @Test
    public void aBodyLongerThanMaxContentBytesFails() {
        try (RowSource rows = open("report.csv", Map.of("format", "binary"), "maxContentBytes", "4")) {
            fail("read a body over the limit");
        } catch (ConnectorException e) {
            assertEquals(e.getMessage(), Reason.QUERY_FAILED, e.reason());
            assertTrue(e.getMessage(), e.getMessage().endsWith("is longer than maxContentBytes=4"));
        }
    }

    @Test
    public void aHostOffTheAllowlistIsRefusedBeforeAnyRequest() {
        try (RowSource rows = open("http://localhost:" + server.port() + "/files/report.csv",
                Map.of("format", "binary"))) {
            fail("read from a host that is not allowed");
        } catch (ConnectorException e) {
            assertEquals(Reason.INVALID_SETTINGS, e.reason());
            assertTrue(e.getMessage(), e.getMessage().contains("not in the data source's allowed hosts"));
        }
        assertTrue(server.requests.isEmpty());
    }
}
