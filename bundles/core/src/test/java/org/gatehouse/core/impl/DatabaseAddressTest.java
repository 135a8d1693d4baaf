package org.gatehouse.core.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.gatehouse.api.DataSourceSettings;
import org.junit.Test;

/** How a sql data source's settings and a workbook's server text are reduced to host, port and database. */
public class DatabaseAddressTest {

    private static Optional<DatabaseAddress> of(String... settings) {
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i < settings.length; i += 2) {
            properties.put(settings[i], settings[i + 1]);
        }
        return DatabaseAddress.of(new DataSourceSettings("db", "sql", properties));
    }

    @Test
    public void jdbcUrlsOfTheCommonDrivers() {
        assertEquals(new DatabaseAddress("sql01\\prod", 1533, "sales"),
                of("url", "jdbc:sqlserver://SQL01\\Prod:1533;encrypt=true;databaseName=Sales;loginTimeout=5").get());
        assertEquals(new DatabaseAddress("sql01", null, "hr"),
                of("url", "jdbc:sqlserver://sql01;database=HR").get());
        assertEquals(new DatabaseAddress("pg.example.org", null, "shop"),
                of("url", "jdbc:postgresql://pg.example.org/shop?sslmode=require").get());
        assertEquals(new DatabaseAddress("db1", 3307, "crm"), of("url", "jdbc:mariadb://db1:3307/crm").get());
        assertEquals(new DatabaseAddress("primary", 5432, "shop"),
                of("url", "jdbc:postgresql://primary:5432,standby:5432/shop").get());
    }

    @Test
    public void urlsThatNameNoServerOrDatabaseNameNothing() {
        assertTrue(of("url", "jdbc:h2:mem:x").isEmpty());
        assertTrue(of("url", "jdbc:sqlserver://sql01;encrypt=true").isEmpty());
        assertTrue(of("url", "jdbc:postgresql:shop").isEmpty());
        assertTrue(of("server", "sql01").isEmpty());
    }

    @Test
    public void explicitNamesWinOverTheUrl() {
        assertEquals(new DatabaseAddress("warehouse", null, "sales"), of("url", "jdbc:postgresql://10.0.0.5/dw",
                "powerQuery.server", "Warehouse", "powerQuery.database", "Sales").get());
    }

    @Test
    public void sqlServerSettings() {
        assertEquals(new DatabaseAddress("sql01", 1433, "sales"),
                of("host", "SQL01", "port", "1433", "database", "Sales").get());
    }

    @Test
    public void aLeftOutPortIsTheDriversDefault() {
        DatabaseAddress source = of("url", "jdbc:postgresql://pg/shop").get();
        Integer postgresDefault = DatabaseAddress.defaultPort("jdbc:postgresql://pg/shop");
        assertTrue(DatabaseAddress.named("PG", "Shop").sameAs(source, postgresDefault));
        assertTrue(DatabaseAddress.named("pg:5432", "shop").sameAs(source, postgresDefault));
        assertFalse(DatabaseAddress.named("pg:5433", "shop").sameAs(source, postgresDefault));
        assertFalse(DatabaseAddress.named("pg", "shop2").sameAs(source, postgresDefault));
        assertTrue(DatabaseAddress.named("sql01\\prod,1433", "x").sameAs(new DatabaseAddress("sql01\\prod", null, "x"),
                DatabaseAddress.defaultPort(null)));
        assertFalse(DatabaseAddress.named("h2host:9092", "x").sameAs(new DatabaseAddress("h2host", null, "x"), null));
    }
}
