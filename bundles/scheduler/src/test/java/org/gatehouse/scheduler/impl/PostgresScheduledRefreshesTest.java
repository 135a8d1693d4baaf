package org.gatehouse.scheduler.impl;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.gatehouse.core.impl.store.GatewayStore;
import org.gatehouse.core.impl.store.StoreSettings;
import org.junit.AfterClass;

/**
 * The scheduler's tests with the gateway store — and so Quartz's job store — on a real PostgreSQL, in Quartz's
 * clustered mode (row locks, check-ins). The server is a requirement, as for the store's own PostgreSQL tests:
 * GATEHOUSE_PG_URL, GATEHOUSE_PG_USER and GATEHOUSE_PG_PASSWORD, defaulting to what itests/postgres.sh sets up. Each
 * test works in a schema of its own, dropped at the end.
 */
public class PostgresScheduledRefreshesTest extends ScheduledRefreshesTest {

    private static final String SERVER = env("GATEHOUSE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/gatehouse_test");
    private static final String USER = env("GATEHOUSE_PG_USER", "gatehouse");
    private static final String PASSWORD = env("GATEHOUSE_PG_PASSWORD", "gatehouse");
    private static final String RUN = "gatehouse_scheduler_test_" + UUID.randomUUID().toString().substring(0, 8);
    private static final List<String> SCHEMAS = new ArrayList<>();

    @Override
    protected GatewayStore openStore() throws Exception {
        String schema = RUN + "_" + SCHEMAS.size();
        try (Connection connection = serverConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        SCHEMAS.add(schema);
        String url = SERVER + (SERVER.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return GatewayStore.open(new org.postgresql.Driver(), new StoreSettings(url, USER, PASSWORD, 30, 1000),
                Clock.systemUTC());
    }

    @Override
    protected boolean clusteredJobStore() {
        return true;
    }

    @AfterClass
    public static void dropSchemas() throws SQLException {
        if (SCHEMAS.isEmpty()) {
            return;
        }
        try (Connection connection = serverConnection(); Statement statement = connection.createStatement()) {
            for (String schema : SCHEMAS) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static Connection serverConnection() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        return new org.postgresql.Driver().connect(SERVER, properties);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
