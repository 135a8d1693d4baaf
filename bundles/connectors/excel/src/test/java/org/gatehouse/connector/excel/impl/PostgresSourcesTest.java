package org.gatehouse.connector.excel.impl;

import static org.junit.Assert.assertEquals;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gatehouse.connector.file.impl.AllowedFiles;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.DataSourceSettings;
import org.gatehouse.api.Query;
import org.gatehouse.api.RowSource;
import org.gatehouse.connector.sql.impl.SqlConnectors;
import org.gatehouse.core.impl.CoreLookups;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A workbook's Sql.Database naming the real PostgreSQL the tests use (itests/postgres.sh; GATEHOUSE_PG_* to use
 * another) by its host, port and database, served by a sql data source that has only its JDBC URL and credentials.
 */
public class PostgresSourcesTest {

    private static final String URL = env("GATEHOUSE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/gatehouse_test");
    private static final String USER = env("GATEHOUSE_PG_USER", "gatehouse");
    private static final String PASSWORD = env("GATEHOUSE_PG_PASSWORD", "gatehouse");
    private static final String SCHEMA = "gatehouse_excel_test_" + UUID.randomUUID().toString().substring(0, 8);

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? defaultValue : value;
    }

    @BeforeClass
    public static void createTable() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement sql = c.createStatement()) {
            sql.execute("CREATE SCHEMA " + SCHEMA);
            sql.execute("CREATE TABLE " + SCHEMA + ".stock (sku text, qty int, checked date)");
            sql.execute("INSERT INTO " + SCHEMA + ".stock VALUES ('a-1', 5, '2024-03-01'), ('b-2', 0, '2024-03-02'), "
                    + "('c-3', 12, '2024-03-03')");
        }
    }

    @AfterClass
    public static void dropTable() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement sql = c.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    public void sqlDatabaseByHostPortAndDatabaseReachesPostgres() throws Exception {
        URI address = URI.create(URL.substring("jdbc:".length()));
        String server = address.getHost() + (address.getPort() < 0 ? "" : ":" + address.getPort());
        String database = address.getPath().substring(1);
        Path root = tmp.newFolder("root").toPath();
        Files.write(root.resolve("stock.xlsx"), Workbooks.withPowerQuery("section Section1;\r\n"
                + "shared InStock = let\r\n"
                + "    Source = Sql.Database(\"" + server + "\", \"" + database + "\", [Query=\"SELECT sku, qty, "
                + "checked FROM " + SCHEMA + ".stock ORDER BY sku\"]),\r\n"
                + "    Available = Table.SelectRows(Source, each [qty] > 0)\r\n"
                + "in\r\n    Available;\r\n", "InStock"));
        ExcelConnector connector = new ExcelConnector(CoreLookups.of(List.of(Map.of("id", "stock-pg", "kind", "sql",
                "url", URL, "user", USER, "password", PASSWORD, "service.pid", "stock-pg")),
                SqlConnectors.withDrivers(new org.postgresql.Driver())), new AllowedFiles(root.toString()));
        DataSourceSettings book = new DataSourceSettings("stock-book", "excel-workbook",
                Map.of("workbook", root.resolve("stock.xlsx").toString()));
        List<List<Object>> rows = new ArrayList<>();
        try (RowSource source = connector.open(book, Credentials.anonymous(), new Query("q", "InStock"))) {
            Object[] row = new Object[source.schema().size()];
            while (source.next(row)) {
                rows.add(Arrays.asList(row.clone()));
            }
        } catch (ConnectorException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        assertEquals(List.of("a-1", "c-3"), rows.stream().map(r -> r.get(0)).toList());
        assertEquals(12L, ((Number) rows.get(1).get(1)).longValue());
        assertEquals(java.time.LocalDate.of(2024, 3, 3), rows.get(1).get(2));
    }
}
