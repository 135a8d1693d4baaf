package org.gatehouse.core.impl.store;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.junit.AfterClass;
import org.junit.Before;

/**
 * The store on a real PostgreSQL server. The server is a requirement, not an option: without one these tests fail.
 * GATEHOUSE_PG_URL, GATEHOUSE_PG_USER and GATEHOUSE_PG_PASSWORD point them at another server than the one CI sets
 * up (role gatehouse, database gatehouse_test on 127.0.0.1:5432). Each test works in a schema of its own, named for
 * this run, dropped at the end.
 */
public class PostgresGatewayStoreTest extends GatewayStoreContract {

    private static final String SERVER = env("GATEHOUSE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/gatehouse_test");
    private static final String USER = env("GATEHOUSE_PG_USER", "gatehouse");
    private static final String PASSWORD = env("GATEHOUSE_PG_PASSWORD", "gatehouse");
    private static final String RUN = "gatehouse_store_test_" + UUID.randomUUID().toString().substring(0, 8);
    private static final List<String> SCHEMAS = new ArrayList<>();

    private final Driver driver = new org.postgresql.Driver();
    private String schema;

    @Before
    public void createSchema() throws SQLException {
        schema = RUN + "_" + SCHEMAS.size();
        try (Connection connection = serverConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        SCHEMAS.add(schema);
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

    @Override
    protected Driver driver() {
        return driver;
    }

    @Override
    protected String url() {
        return SERVER + (SERVER.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    protected String user() {
        return USER;
    }

    @Override
    protected String password() {
        return PASSWORD;
    }

    private static Connection serverConnection() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        Connection connection = new org.postgresql.Driver().connect(SERVER, properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL URL: " + SERVER);
        }
        return connection;
    }

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? defaultValue : value;
    }
}
