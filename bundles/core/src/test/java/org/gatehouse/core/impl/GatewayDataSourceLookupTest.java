package org.gatehouse.core.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gatehouse.api.AuthenticationType;
import org.gatehouse.api.Column;
import org.gatehouse.api.ColumnType;
import org.gatehouse.api.Connector;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.ConnectorException.Reason;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.DataSourceSettings;
import org.gatehouse.api.Query;
import org.gatehouse.api.RowSource;
import org.gatehouse.api.Schema;
import org.junit.Before;
import org.junit.Test;

/** Which gateway data source serves a workbook's database or URL, and with which credentials it is opened. */
public class GatewayDataSourceLookupTest {

    private final DefinitionRegistry definitions = new DefinitionRegistry();
    private final ConnectorRegistry connectors = new ConnectorRegistry();
    private final GatewayDataSourceLookup lookup = new GatewayDataSourceLookup(definitions, connectors);
    private final Opening sql = new Opening("sql");
    private final Opening web = new Opening("web");

    /** A connector of a kind that remembers what it was opened with and answers with the data source's id. */
    private static final class Opening implements Connector {
        private final String kind;
        final List<String> opened = new ArrayList<>();
        final List<String> cancelled = new ArrayList<>();
        Credentials credentials;

        Opening(String kind) {
            this.kind = kind;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public Set<AuthenticationType> supportedAuthentication() {
            return EnumSet.allOf(AuthenticationType.class);
        }

        @Override
        public void test(DataSourceSettings settings, Credentials credentials) {
        }

        @Override
        public RowSource open(DataSourceSettings settings, Credentials credentials, Query query) {
            opened.add(settings.id() + ": " + query.text() + " " + query.options());
            this.credentials = credentials;
            return new RowSource() {
                boolean done;

                @Override
                public Schema schema() {
                    return new Schema(List.of(new Column("source", ColumnType.STRING)));
                }

                @Override
                public boolean next(Object[] row) {
                    row[0] = settings.id();
                    return !done && (done = true);
                }

                @Override
                public void cancel() {
                    cancelled.add(settings.id());
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private void define(String id, String kind, String... settings) {
        Map<String, Object> config = new HashMap<>(Map.of("id", id, "kind", kind, "service.pid", id));
        for (int i = 0; i < settings.length; i += 2) {
            config.put(settings[i], settings[i + 1]);
        }
        definitions.addDataSource(DataSourceConfig.parse(config));
    }

    @Before
    public void defineSources() {
        connectors.add(sql, "1.0.0");
        connectors.add(web, "1.0.0");
        define("pg-sales", "sql", "url", "jdbc:postgresql://db.example.org/sales?ssl=true",
                "user", "reader", "password", "pg-secret");
        define("mssql-hr", "sql", "server", "HR-SQL\\Prod", "port", "1533", "database", "People", "auth", "windows");
        define("h2-local", "sql", "url", "jdbc:h2:mem:local", "powerQuery.server", "localhost",
                "powerQuery.database", "Local");
        define("api", "web", "url", "https://api.example.org/v1", "user", "svc", "password", "web-secret");
        define("api-orders", "web", "url", "https://api.example.org/v1/orders/");
    }

    @Test
    public void aJdbcUrlsHostAndDatabaseServeSqlDatabaseWithTheSourcesCredentials() throws ConnectorException {
        read(lookup.openDatabase("DB.example.org", "sales", new Query("Sales", "select 1")));
        read(lookup.openDatabase("db.example.org:5432", "Sales", new Query("Sales", "select 2")));
        assertEquals(List.of("pg-sales: select 1 {}", "pg-sales: select 2 {}"), sql.opened);
        assertEquals("BASIC(reader)", sql.credentials.toString());
        assertEquals("pg-secret", sql.credentials.secret().orElseThrow());
    }

    @Test
    public void sqlServerSettingsAndExplicitNamesServeToo() throws ConnectorException {
        assertEquals("mssql-hr", read(lookup.openDatabase("hr-sql\\prod,1533", "people", new Query("q", "x"))));
        assertEquals(AuthenticationType.WINDOWS, sql.credentials.type());
        assertEquals("h2-local", read(lookup.openDatabase("LOCALHOST", "local", new Query("q", "x"))));
    }

    @Test
    public void anUnknownDatabaseNamesWhatToAdd() {
        ConnectorException e = failure(() -> lookup.openDatabase("db.example.org:6543", "sales", new Query("q", "x")));
        assertEquals(Reason.INVALID_SETTINGS, e.reason());
        assertTrue(e.getMessage(), e.getMessage().startsWith("no gateway data source for Sql.Database server "
                + "db.example.org:6543 database sales; add one with kind=sql"));
        assertTrue(sql.opened.isEmpty());
    }

    @Test
    public void twoSourcesForOneDatabaseAreAnErrorNotAGuess() {
        define("pg-sales-2", "sql", "url", "jdbc:postgresql://db.example.org:5432/sales");
        ConnectorException e = failure(() -> lookup.openDatabase("db.example.org", "sales", new Query("q", "x")));
        assertTrue(e.getMessage(), e.getMessage().contains("several gateway data sources (pg-sales, pg-sales-2)"));
    }

    @Test
    public void theMostSpecificWebSourceServesAUrl() throws ConnectorException {
        Query orders = new Query("q", "https://API.example.org/v1/orders/42?$top=1", Map.of("format", "binary"));
        assertEquals("api-orders", read(lookup.openWeb(orders)));
        assertEquals("api", read(lookup.openWeb(new Query("q", "https://api.example.org/v1/customers"))));
        assertEquals("svc", web.credentials.user().orElseThrow());
        assertEquals(List.of("api-orders: https://API.example.org/v1/orders/42?$top=1 {format=binary}",
                "api: https://api.example.org/v1/customers {}"), web.opened);
    }

    @Test
    public void aUrlNoSourceCoversIsRefusedWithoutItsQueryString() {
        for (String url : List.of("https://api.example.org/v10?key=k3y", "http://api.example.org/v1/x?key=k3y",
                "https://evil.example.net/v1?key=k3y", "https://api.example.org:8443/v1/x?key=k3y")) {
            ConnectorException e = failure(() -> lookup.openWeb(new Query("q", url)));
            assertEquals(Reason.INVALID_SETTINGS, e.reason());
            assertTrue(e.getMessage(), e.getMessage().startsWith("no gateway data source for URL "));
            assertTrue(e.getMessage(), e.getMessage().contains("add one with kind=web and url="));
            assertFalse(e.getMessage(), e.getMessage().contains("k3y"));
        }
        assertTrue(web.opened.isEmpty());
    }

    @Test
    public void aMissingConnectorIsNamed() {
        ConnectorRegistry onlyWeb = new ConnectorRegistry();
        onlyWeb.add(web, "1.0.0");
        GatewayDataSourceLookup withoutSql = new GatewayDataSourceLookup(definitions, onlyWeb);
        ConnectorException e = failure(() -> withoutSql.openDatabase("db.example.org", "sales", new Query("q", "x")));
        assertEquals(Reason.UNSUPPORTED, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("served by data source pg-sales, but connector sql is not "
                + "installed (feature:install gatehouse-connector-sql)"));
    }

    @Test
    public void aConnectorThatGoesAwayCancelsTheNestedReadsThroughIt() throws ConnectorException {
        RowSource reading = lookup.openDatabase("db.example.org", "sales", new Query("q", "select 1"));
        read(lookup.openWeb(new Query("q", "https://api.example.org/v1/x")));
        assertEquals(1, lookup.openReads());
        connectors.removeConnector(web);
        assertTrue(web.cancelled.isEmpty());
        connectors.removeConnector(sql);
        assertEquals(List.of("pg-sales"), sql.cancelled);
        reading.close();
        assertEquals(0, lookup.openReads());
    }

    @Test
    public void aVaultSignedSourceWithoutAnOpenVaultSaysSo() {
        define("vaulted", "sql", "url", "jdbc:postgresql://vault.example.org/finance", "signin", "vault");
        ConnectorException e = failure(() -> lookup.openDatabase("vault.example.org", "finance", new Query("q", "x")));
        assertTrue(e.getMessage(), e.getMessage().contains("data source vaulted is signed in through the credential "
                + "vault, which is not open"));
    }

    private interface Opener {
        RowSource open() throws ConnectorException;
    }

    private static ConnectorException failure(Opener opener) {
        try (RowSource rows = opener.open()) {
            fail("opened");
            return null;
        } catch (ConnectorException e) {
            return e;
        }
    }

    private static String read(RowSource rows) throws ConnectorException {
        try (rows) {
            Object[] row = new Object[1];
            assertTrue(rows.next(row));
            return (String) row[0];
        }
    }
}
