package org.gatehouse.powerquery;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** A refresh outside the gateway reads the web directly: Web.Contents and OData.Feed against a local HTTP server. */
public class DirectWebAccessTest {

    private HttpServer server;
    private String base;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final DataAccess access = new DirectWebAccess(new LocalFileAccess());

    @Before
    public void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/data/sales.csv", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " key="
                    + exchange.getRequestHeaders().getFirst("X-Api-Key"));
            answer(exchange, 200, "Region,Amount\nNorth,10\nSouth,20\n");
        });
        server.createContext("/echo", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            answer(exchange, 200, exchange.getRequestMethod() + ":" + body);
        });
        server.createContext("/feed/People", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            boolean second = "page=2".equals(exchange.getRequestURI().getQuery());
            answer(exchange, 200, second ? "{\"value\":[{\"Name\":\"Cy\",\"Age\":30}]}"
                    : "{\"@odata.context\":\"x\",\"value\":[{\"Name\":\"Ann\",\"Age\":41},{\"Name\":\"Bo\",\"Age\":25}],"
                            + "\"@odata.nextLink\":\"People?page=2\"}");
        });
        server.createContext("/files/", exchange -> {
            requests.add(exchange.getRequestURI().getRawPath());
            answer(exchange, 200, "Region,Amount\nEast,5\n");
        });
        server.createContext("/missing", exchange -> answer(exchange, 404, "no such thing"));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @After
    public void stopServer() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private QueryResult evaluate(String expression) {
        return PowerQuery.evaluate("section S; shared Q = " + expression + ";", "Q", access);
    }

    @Test
    public void webContentsFetchesTheUrlWithItsRelativePathQueryAndHeaders() {
        QueryResult r = evaluate("Table.PromoteHeaders(Csv.Document(Web.Contents(\"" + base + "/data\", [RelativePath"
                + " = \"sales.csv\", Query = [year = \"2024\", q = \"a b\"], Headers = [#\"X-Api-Key\" = \"k1\"]])))");
        assertFalse(String.valueOf(r.error()), r.failed());
        assertEquals(List.of(List.of("North", "10"), List.of("South", "20")), r.rows());
        assertEquals(List.of("GET /data/sales.csv?year=2024&q=a%20b key=k1"), requests);
    }

    @Test
    public void webContentsTrimsTheUrlAndEscapesTheCharactersAUriCannotHold() {
        // Excel fetched "https://api.github.com/repos/OfficeDev/office-js " (trailing space) in
        // 06_simple_power_query.xlsx (PacktPublishing/AI-and-Business-Rules-for-Excel-Power-Users).
        QueryResult trailing = evaluate("Csv.Document(Web.Contents(\"" + base + "/files/sales.csv \"))");
        assertFalse(String.valueOf(trailing.error()), trailing.failed());
        QueryResult spaces = evaluate("Csv.Document(Web.Contents(\" " + base + "/files/Product Recommendation é.csv\"))");
        assertFalse(String.valueOf(spaces.error()), spaces.failed());
        assertEquals(List.of(List.of("Region", "Amount"), List.of("East", "5")), spaces.rows());
        QueryResult escaped = evaluate("Csv.Document(Web.Contents(\"" + base + "/files/a%20b.csv\"))");
        assertFalse(String.valueOf(escaped.error()), escaped.failed());
        assertEquals(List.of("/files/sales.csv", "/files/Product%20Recommendation%20%C3%A9.csv", "/files/a%20b.csv"),
                requests);
    }

    @Test
    public void webContentsWithContentPostsIt() {
        QueryResult r = evaluate("#table({\"Answer\"}, {{Text.FromBinary(Web.Contents(\"" + base + "/echo\", "
                + "[Content = Text.ToBinary(\"hello\")]))}})");
        assertFalse(String.valueOf(r.error()), r.failed());
        assertEquals(List.of(List.of("POST:hello")), r.rows());
    }

    @Test
    public void aFailingStatusIsTheDataSourceErrorPowerQueryRaises() {
        QueryResult r = evaluate("Csv.Document(Web.Contents(\"" + base + "/missing\"))");
        assertTrue(r.failed());
        assertEquals("DataSource.Error", r.error().reason());
        assertEquals("Web.Contents failed to get contents from '" + base + "/missing' (404).", r.error().getMessage());
    }

    @Test
    public void anAddressThatIsNotHttpIsRefused() {
        QueryResult r = evaluate("Csv.Document(Web.Contents(\"file:///etc/passwd\"))");
        assertTrue(r.failed());
        assertEquals("Expression.Error", r.error().reason());
    }

    @Test
    public void oDataFeedReadsEveryPageFollowingRelativeNextLinks() {
        QueryResult r = evaluate("Table.SelectColumns(OData.Feed(\"" + base + "/feed/People\"), {\"Name\", \"Age\"})");
        assertFalse(String.valueOf(r.error()), r.failed());
        assertEquals(List.of("Ann", "Bo", "Cy"), r.rows().stream().map(row -> row.get(0)).toList());
        assertEquals(List.of("/feed/People", "/feed/People?page=2"), requests);
    }
}
