package org.gatehouse.connector.excel.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.gatehouse.connector.file.impl.AllowedFiles;
import org.gatehouse.api.Connector;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.ConnectorException.Reason;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.DataSourceSettings;
import org.gatehouse.api.Query;
import org.gatehouse.api.RowSource;
import org.gatehouse.connector.sql.impl.SqlConnectors;
import org.gatehouse.core.impl.CoreLookups;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A workbook's Sql.Database, Web.Contents and OData.Feed served by the gateway's own data sources: the core's lookup,
 * the real sql connector on an H2 database and the real web connector on an HTTP server at 127.0.0.1, each data
 * source with its own credentials. The workbook names hosts and databases; it never brings credentials.
 */
public class GatewaySourcesTest {

    private static final String DB_URL = "jdbc:h2:mem:gateway-sources;DB_CLOSE_DELAY=-1";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private HttpServer http;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private Connection keepAlive;
    private Path root;
    private Connector web;

    @Before
    public void start() throws IOException, SQLException {
        keepAlive = DriverManager.getConnection(DB_URL, "owner", "db-s3cret");
        try (Statement sql = keepAlive.createStatement()) {
            sql.execute("create table if not exists orders (id int primary key, customer varchar(20), "
                    + "amount decimal(10,2))");
            sql.execute("delete from orders");
            sql.execute("insert into orders values (1, 'ann', 12.50), (2, 'bob', 7.00), (3, 'cy', 30.25)");
            sql.execute("create or replace view big_orders as select id, amount from orders where amount > 10");
        }
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String expected = "Basic " + Base64.getEncoder().encodeToString("reporter:web-s3cret".getBytes(
                StandardCharsets.UTF_8));
        http.createContext("/api/", exchange -> {
            requests.add(exchange.getRequestURI().toString() + " accept=" + exchange.getRequestHeaders()
                    .getFirst("Accept"));
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "text/plain", "sign in");
            } else if (exchange.getRequestMethod().equals("POST")) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                send(exchange, 200, "application/json", "{\"method\": \"POST\", \"type\": \""
                        + exchange.getRequestHeaders().getFirst("Content-Type") + "\", \"body\": \""
                        + body.replace("\"", "\\\"") + "\"}");
            } else {
                send(exchange, 200, "text/csv", "region,total\r\nnorth,10\r\nsouth,20\r\n");
            }
        });
        http.createContext("/odata/", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            if (exchange.getRequestURI().getPath().endsWith("$metadata")) {
                send(exchange, 404, "text/plain", "none");
            } else if (query == null) {
                send(exchange, 200, "application/json", "{\"value\": [{\"Id\": 1, \"Name\": \"pen\"}], "
                        + "\"@odata.nextLink\": \"" + url("/odata/Products?$skip=1") + "\"}");
            } else {
                send(exchange, 200, "application/json", "{\"value\": [{\"Id\": 2, \"Name\": \"ink\"}]}");
            }
        });
        http.start();
        web = new org.gatehouse.connector.web.impl.WebConnector();
        root = tmp.newFolder("root").toPath();
        Files.write(root.resolve("nested.xlsx"), Workbooks.withPowerQuery("section Section1;\r\n"
                + "shared Orders = Sql.Database(\"SQLHOST\", \"Orders\", [Query=\"select id, customer, amount from "
                + "orders order by id\"]);\r\n"
                + "shared BigOrders = Table.SelectRows(Orders, each [AMOUNT] > 10);\r\n"
                // what Excel's navigator writes: the navigation table, then one of its tables by schema and name
                + "shared Navigated = let Source = Sql.Database(\"SQLHOST\", \"Orders\"), "
                + "Picked = Source{[Schema=\"PUBLIC\",Item=\"ORDERS\"]}[Data] in Picked;\r\n"
                + "shared Catalog = Table.SelectColumns(Sql.Database(\"SQLHOST\", \"Orders\"), "
                + "{\"Schema\", \"Item\", \"Kind\"});\r\n"
                + "shared Report = Table.PromoteHeaders(Csv.Document(Web.Contents(\"" + url("/api") + "\", "
                + "[RelativePath=\"reports/sales.csv\", Query=[year=\"2024\", region=\"all of it\"], "
                + "Headers=[Accept=\"text/csv\"]]), [Delimiter=\",\"]));\r\n"
                + "shared Search = Record.ToTable(Json.Document(Web.Contents(\"" + url("/api/search") + "\", "
                + "[Headers=[#\"Content-Type\"=\"application/json\"], Content=Json.FromValue([region=\"north\", "
                + "top=2])])));\r\n"
                + "shared Products = OData.Feed(\"" + url("/odata/Products") + "\");\r\n"
                + "shared Elsewhere = Sql.Database(\"hr-sql\", \"people\", [Query=\"select 1\"]);\r\n"
                + "shared Offsite = Web.Contents(\"" + url("/other/x.csv") + "?key=k3y\");\r\n"
                + "shared OwnCredentials = Web.Contents(\"" + url("/api/x.csv") + "\", [Headers=[Authorization=\"Basic "
                + "eDp5\"]]);\r\n",
                "Orders", "BigOrders", "Navigated", "Catalog", "Report", "Search", "Products", "Elsewhere", "Offsite", "OwnCredentials"));
    }

    @After
    public void stop() throws SQLException {
        http.stop(0);
        keepAlive.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + path;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private List<Map<String, Object>> dataSources() {
        Map<String, Object> database = new HashMap<>(Map.of("id", "orders-db", "kind", "sql", "url", DB_URL,
                "powerQuery.server", "sqlhost", "powerQuery.database", "orders", "user", "owner",
                "password", "db-s3cret"));
        Map<String, Object> reports = new HashMap<>(Map.of("id", "reports", "kind", "web", "url", url("/api"),
                "user", "reporter", "password", "web-s3cret"));
        Map<String, Object> catalog = new HashMap<>(Map.of("id", "catalog", "kind", "web", "url", url("/odata")));
        return List.of(database, reports, catalog);
    }

    private ExcelConnector connector(Connector... installed) {
        return new ExcelConnector(CoreLookups.of(dataSources(), installed), new AllowedFiles(root.toString()));
    }

    private List<List<Object>> rows(ExcelConnector connector, String query) throws ConnectorException {
        DataSourceSettings book = new DataSourceSettings("nested-book", "excel-workbook",
                Map.of("workbook", root.resolve("nested.xlsx").toString()));
        try (RowSource rows = connector.open(book, Credentials.anonymous(), new Query("q", query))) {
            List<List<Object>> out = new ArrayList<>();
            out.add(rows.schema().columns().stream().map(c -> (Object) c.name()).toList());
            Object[] row = new Object[rows.schema().size()];
            while (rows.next(row)) {
                out.add(Arrays.asList(row.clone()));
            }
            return out;
        }
    }

    private ConnectorException failure(ExcelConnector connector, String query) {
        try {
            rows(connector, query);
            fail("refreshed " + query);
            return null;
        } catch (ConnectorException e) {
            assertEquals(Reason.QUERY_FAILED, e.reason());
            assertFalse(e.getMessage(), e.getMessage().contains("s3cret"));
            return e;
        }
    }

    @Test
    public void sqlDatabaseRunsOnTheGatewaysSqlDataSource() throws ConnectorException {
        ExcelConnector connector = connector(SqlConnectors.withDrivers(new org.h2.Driver()));
        List<List<Object>> orders = rows(connector, "Orders");
        assertEquals(List.of("ID", "CUSTOMER", "AMOUNT"), orders.get(0));
        assertEquals(4, orders.size());
        assertEquals("ann", orders.get(1).get(1));
        assertEquals(30.25, ((Number) orders.get(3).get(2)).doubleValue(), 0);
        List<List<Object>> big = rows(connector, "BigOrders");
        assertEquals(List.of("ann", "cy"), big.subList(1, big.size()).stream().map(r -> r.get(1)).toList());
    }

    @Test
    public void webContentsWithContentPostsItThroughTheWebDataSource() throws ConnectorException {
        List<List<Object>> answer = rows(connector(web), "Search");
        assertEquals(List.of(List.of("Name", "Value"), List.of("method", "POST"), List.of("type", "application/json"),
                List.of("body", "{\"region\":\"north\",\"top\":2}")), answer);
    }

    @Test
    public void sqlDatabaseWithoutAQueryIsTheNavigationTableOfTheGatewaysDatabase() throws ConnectorException {
        ExcelConnector connector = connector(SqlConnectors.withDrivers(new org.h2.Driver()));
        List<List<Object>> catalog = rows(connector, "Catalog");
        assertEquals(List.of(List.of("Schema", "Item", "Kind"), List.of("PUBLIC", "BIG_ORDERS", "View"),
                List.of("PUBLIC", "ORDERS", "Table")), catalog);
        List<List<Object>> orders = rows(connector, "Navigated");
        assertEquals(List.of("ID", "CUSTOMER", "AMOUNT"), orders.get(0));
        assertEquals(List.of("ann", "bob", "cy"), orders.subList(1, 4).stream().map(r -> r.get(1)).toList());
    }

    @Test
    public void webContentsAndODataFeedGoThroughTheWebDataSources() throws ConnectorException {
        ExcelConnector connector = connector(web);
        List<List<Object>> report = rows(connector, "Report");
        assertEquals(List.of(List.of("region", "total"), List.of("north", "10"), List.of("south", "20")), report);
        assertEquals(List.of("/api/reports/sales.csv?year=2024&region=all%20of%20it accept=text/csv"), requests);

        List<List<Object>> products = rows(connector, "Products");
        assertEquals(List.of("Id", "Name"), products.get(0));
        assertEquals(List.of("pen", "ink"), products.subList(1, 3).stream().map(r -> r.get(1)).toList());
    }

    @Test
    public void aSourceTheGatewayDoesNotHaveIsAnMErrorNamingIt() {
        ExcelConnector connector = connector(SqlConnectors.withDrivers(new org.h2.Driver()), web);
        ConnectorException e = failure(connector, "Elsewhere");
        assertTrue(e.getMessage(), e.getMessage().contains("failed with M error DataSource.Error: Sql.Database: no "
                + "gateway data source for Sql.Database server hr-sql database people; add one with kind=sql"));
        e = failure(connector, "Offsite");
        assertTrue(e.getMessage(), e.getMessage().contains("Web.Contents: no gateway data source for URL "
                + url("/other/x.csv") + "?...; add one with kind=web"));
        assertFalse(e.getMessage(), e.getMessage().contains("k3y"));
    }

    @Test
    public void aWorkbookCannotBringItsOwnCredentials() {
        ConnectorException e = failure(connector(web), "OwnCredentials");
        assertTrue(e.getMessage(), e.getMessage().contains("the Authorization header is not sent from a workbook"));
        assertTrue(requests.isEmpty());
    }

    @Test
    public void aMissingConnectorIsNamedAndTheRestStillRefreshes() throws ConnectorException {
        ExcelConnector connector = connector(web);
        ConnectorException e = failure(connector, "Orders");
        assertTrue(e.getMessage(), e.getMessage().contains("is served by data source orders-db, but connector sql is "
                + "not installed (feature:install gatehouse-connector-sql)"));
        assertEquals(3, rows(connector, "Report").size());
    }

    @Test
    public void withoutTheCoreTheyFailAndFilesStillWork() throws ConnectorException {
        ExcelConnector alone = new ExcelConnector(new AllowedFiles(root.toString()));
        ConnectorException e = failure(alone, "Orders");
        assertTrue(e.getMessage(), e.getMessage().contains("data source lookup is not running"));
        assertEquals(4, rows(alone, "sheet:Data").size());
    }
}
