package org.gatehouse.connector.web.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.gatehouse.api.AuthenticationType;
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

public class WebConnectorTest {

    private TestServer server;
    private final WebConnector connector = new WebConnector();

    @Before
    public void start() throws Exception {
        server = new TestServer();
    }

    @After
    public void stop() {
        server.close();
        connector.deactivate();
    }

    private RowSource open(String text, Credentials credentials, String... settings) throws ConnectorException {
        Map<String, String> properties = new HashMap<>();
        properties.put("url", server.url("/api"));
        properties.put("retryBackoffMillis", "10");
        for (int i = 0; i < settings.length; i += 2) {
            properties.put(settings[i], settings[i + 1]);
        }
        return connector.open(new DataSourceSettings("svc", "web", properties), credentials, new Query("q", text));
    }

    private ConnectorException failure(String text, Credentials credentials, String... settings) {
        try {
            rows(open(text, credentials, settings));
            fail("expected a failure");
            return null;
        } catch (ConnectorException e) {
            return e;
        }
    }

    static List<List<Object>> rows(RowSource source) throws ConnectorException {
        List<List<Object>> rows = new ArrayList<>();
        try (source) {
            Object[] row = new Object[source.schema().size()];
            while (source.next(row)) {
                rows.add(new ArrayList<>(Arrays.asList(row)));
            }
        }
        return rows;
    }

    @Test
    public void jsonPagesFollowTheNextLinkAtAJsonPathWithBasicAuthentication() throws Exception {
        String expected = "Basic " + java.util.Base64.getEncoder().encodeToString("ann:s3cret".getBytes(
                StandardCharsets.UTF_8));
        server.on("/api/orders", exchange -> {
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                TestServer.send(exchange, 401, "application/json", "{\"error\": \"bad credentials\"}");
                return;
            }
            String query = exchange.getRequestURI().getQuery();
            if (query == null) {
                TestServer.json(exchange, "{\"data\": {\"items\": [{\"id\": 1, \"total\": 9.99}, {\"id\": 2, "
                        + "\"total\": 5}]}, \"links\": {\"next\": \"/api/orders?page=2\"}}");
            } else {
                TestServer.json(exchange, "{\"links\": {\"next\": null}, \"data\": {\"items\": [{\"id\": 3, "
                        + "\"total\": 1.5}]}}");
            }
        });
        RowSource source = open("orders", Credentials.basic("ann", "s3cret"), "recordPath", "data.items",
                "nextLinkPath", "links.next");
        assertEquals(List.of(new Column("id", ColumnType.LONG), new Column("total", ColumnType.DECIMAL)),
                source.schema().columns());
        assertEquals(List.of(List.of(1L, new BigDecimal("9.99")), List.of(2L, new BigDecimal("5")),
                List.of(3L, new BigDecimal("1.5"))), rows(source));
        assertEquals(List.of("GET /api/orders", "GET /api/orders?page=2"), server.requests);

        ConnectorException e = failure("orders", Credentials.basic("ann", "wrong"), "recordPath", "data.items");
        assertEquals(Reason.AUTHENTICATION_FAILED, e.reason());
        assertEquals("data source svc: GET http://127.0.0.1:" + server.port() + "/api/orders answered 401: "
                + "{\"error\": \"bad credentials\"}", e.getMessage());
        assertTrue(!e.getMessage().contains("wrong"));
    }

    @Test
    public void bearerTokensAndApiKeysGoInTheirHeaders() throws Exception {
        server.on("/api/whoami", exchange -> TestServer.json(exchange, "[{\"auth\": \""
                + exchange.getRequestHeaders().getFirst("Authorization") + "\", \"key\": \""
                + exchange.getRequestHeaders().getFirst("X-Api-Key") + "\", \"custom\": \""
                + exchange.getRequestHeaders().getFirst("X-Tenant") + "\"}]"));
        assertEquals(List.of(List.of("Bearer tok-1", "null", "acme")), rows(open("whoami",
                Credentials.oauth2("tok-1", null), "header.X-Tenant", "acme")));
        assertEquals(List.of(List.of("null", "k-2", "null")), rows(open("whoami",
                Credentials.of(AuthenticationType.KEY, null, "k-2"), "apiKeyHeader", "X-Api-Key")));
    }

    @Test
    public void csvPagesFollowTheLinkHeader() throws Exception {
        server.on("/api/export.csv", exchange -> {
            boolean first = exchange.getRequestURI().getQuery() == null;
            if (first) {
                exchange.getResponseHeaders().add("Link", "<" + server.url("/api/export.csv") + "?cursor=b>; "
                        + "rel=\"next\", </api/export.csv>; rel=\"first\"");
            }
            TestServer.send(exchange, 200, "text/csv; charset=utf-8", first ? "day,qty\n2024-01-01,1\n"
                    : "day,qty\n2024-01-02,2\n");
        });
        RowSource source = open("export.csv", Credentials.anonymous());
        assertEquals(ColumnType.DATE, source.schema().column(0).type());
        assertEquals(List.of(List.of(LocalDate.of(2024, 1, 1), 1L), List.of(LocalDate.of(2024, 1, 2), 2L)),
                rows(source));
    }

    @Test
    public void postSendsTheConfiguredBody() throws Exception {
        server.on("/api/search", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            TestServer.json(exchange, "[{\"method\": \"" + exchange.getRequestMethod() + "\", \"type\": \""
                    + exchange.getRequestHeaders().getFirst("Content-Type") + "\", \"len\": " + body.length() + "}]");
        });
        assertEquals(List.of(List.of("POST", "application/json", 12L)), rows(open("search", Credentials.anonymous(),
                "method", "POST", "body", "{\"q\": \"abc\"}")));
    }

    @Test
    public void retriesHonourRetryAfterAndGiveUpAfterMaxRetries() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.on("/api/busy", exchange -> {
            if (calls.incrementAndGet() <= 2) {
                exchange.getResponseHeaders().set("Retry-After", calls.get() == 1 ? "0" : "3600");
                TestServer.send(exchange, calls.get() == 1 ? 503 : 429, "text/plain", "slow down");
                return;
            }
            TestServer.json(exchange, "[{\"ok\": true}]");
        });
        // Retry-After 3600 is capped at maxRetryWaitSeconds
        assertEquals(List.of(List.of(true)), rows(open("busy", Credentials.anonymous(), "maxRetryWaitSeconds", "1")));
        assertEquals(3, calls.get());

        AtomicInteger always = new AtomicInteger();
        server.on("/api/down", exchange -> {
            always.incrementAndGet();
            TestServer.send(exchange, 503, "text/html", "<html><body><h1>Service Unavailable</h1>\n<p>maintenance"
                    + "</p></body></html>");
        });
        ConnectorException e = failure("down", Credentials.anonymous(), "maxRetries", "2");
        assertEquals(Reason.SOURCE_UNREACHABLE, e.reason());
        assertTrue(e.getMessage(), e.getMessage().endsWith("answered 503: Service Unavailable maintenance"));
        assertEquals(3, always.get());
    }

    @Test
    public void clientErrorsAreSummarizedAndNotRetried() throws Exception {
        server.on("/api/missing", exchange -> TestServer.send(exchange, 404, "application/json",
                "{\"error\": {\"code\": \"NotFound\",\n \"message\": \"no table 'x'\"}}"));
        ConnectorException e = failure("missing", Credentials.anonymous());
        assertEquals(Reason.QUERY_FAILED, e.reason());
        assertTrue(e.getMessage(), e.getMessage().endsWith("answered 404: {\"error\": {\"code\": \"NotFound\", "
                + "\"message\": \"no table 'x'\"}}"));
        assertEquals(1, server.requests.size());
    }

    @Test
    public void invalidJsonIsReportedWithItsPosition() throws Exception {
        server.on("/api/broken", exchange -> TestServer.json(exchange, "[{\"a\": 1},\n {\"a\": tru}]"));
        ConnectorException e = failure("broken", Credentials.anonymous());
        assertEquals(Reason.QUERY_FAILED, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("page 1 (http://127.0.0.1:" + server.port()
                + "/api/broken): invalid JSON at line 2 column "));
    }

    @Test
    public void hostsOffTheAllowlistAreRefusedAlsoViaRedirects() throws Exception {
        server.on("/api/hop", exchange -> {
            exchange.getResponseHeaders().set("Location", "/api/data");
            TestServer.send(exchange, 302, null, "");
        });
        server.on("/api/data", exchange -> TestServer.json(exchange, "[{\"v\": 1}]"));
        server.on("/api/away", exchange -> {
            exchange.getResponseHeaders().set("Location", "http://localhost:" + server.port() + "/api/data");
            TestServer.send(exchange, 307, null, "");
        });
        assertEquals(List.of(List.of(1L)), rows(open("hop", Credentials.anonymous())));

        ConnectorException e = failure("away", Credentials.basic("ann", "pw"));
        assertEquals(Reason.QUERY_FAILED, e.reason());
        assertEquals("data source svc: refused to request localhost:" + server.port() + " (redirected there from "
                + "127.0.0.1:" + server.port() + "): not in the data source's allowed hosts", e.getMessage());
        assertTrue(server.requests.stream().noneMatch(r -> r.startsWith("GET /api/data") && false));

        e = failure("http://example.com/x", Credentials.anonymous());
        assertEquals(Reason.INVALID_SETTINGS, e.reason());
        int before = server.requests.size();
        e = failure("away", Credentials.anonymous(), "allowedHosts", "localhost");
        assertEquals(Reason.INVALID_SETTINGS, e.reason());
        assertEquals(before, server.requests.size());
    }

    @Test
    public void aNextLinkOffTheAllowlistIsRefused() throws Exception {
        server.on("/api/paged", exchange -> TestServer.json(exchange, "{\"value\": [{\"a\": 1}], "
                + "\"@odata.nextLink\": \"https://evil.example/steal\"}"));
        ConnectorException e = failure("paged", Credentials.anonymous(), "format", "odata", "odataMetadata", "false");
        assertEquals(Reason.QUERY_FAILED, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("refused to request evil.example"));
    }

    @Test
    public void aStalledBodyHitsTheReadTimeout() throws Exception {
        server.on("/api/stall", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("[{\"a\": 1},".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        ConnectorException e = failure("stall", Credentials.anonymous(), "readTimeoutSeconds", "1");
        assertEquals(Reason.SOURCE_UNREACHABLE, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("no data for 1 s"));
    }

    @Test
    public void cancelStopsAReadWaitingForTheNetwork() throws Exception {
        java.util.concurrent.CountDownLatch stalled = new java.util.concurrent.CountDownLatch(1);
        server.on("/api/slow", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("[{\"a\": 1},".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            stalled.countDown();
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        // declared columns: nothing is sampled, so open returns once the headers are in
        RowSource source = open("slow", Credentials.anonymous(), "columns", "a:long", "readTimeoutSeconds", "60");
        Object[] row = new Object[1];
        assertTrue(source.next(row));
        assertTrue(stalled.await(30, java.util.concurrent.TimeUnit.SECONDS));
        java.util.concurrent.CompletableFuture<Object> blocked = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return source.next(row);
                    } catch (ConnectorException e) {
                        return e;
                    }
                });
        source.cancel();
        Object outcome = blocked.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(String.valueOf(outcome), outcome instanceof ConnectorException);
        assertEquals(Reason.CANCELLED, ((ConnectorException) outcome).reason());
        source.close();
    }

    @Test
    public void aClosedPortIsUnreachable() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        ConnectorException e = failure("http://127.0.0.1:" + port + "/x", Credentials.anonymous(), "url",
                "http://127.0.0.1:" + port, "maxRetries", "1");
        assertEquals(Reason.SOURCE_UNREACHABLE, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("connection refused"));
    }
}
