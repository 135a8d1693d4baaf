package org.gatehouse.connector.sql.impl;

import static org.gatehouse.connector.sql.impl.Failures.assertMentions;
import static org.gatehouse.connector.sql.impl.Failures.assertNoSecret;
import static org.gatehouse.connector.sql.impl.Failures.expectFailure;
import static org.gatehouse.connector.sql.impl.TestSettings.sql;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.gatehouse.api.Column;
import org.gatehouse.api.ColumnType;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.ConnectorException.Reason;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.DataSourceSettings;
import org.gatehouse.api.Query;
import org.gatehouse.api.RowSource;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The connector against a real PostgreSQL server. The server is a requirement, not an option: without one these
 * tests fail. Point them at a server with GATEHOUSE_PG_URL, GATEHOUSE_PG_USER and GATEHOUSE_PG_PASSWORD; the
 * defaults match what the CI script sets up (role gatehouse, database gatehouse_test on 127.0.0.1:5432).
 * Each run works in a schema of its own and drops it afterwards.
 */
public class PostgresConnectorTest {

    private static final String URL = env("GATEHOUSE_PG_URL", "jdbc:postgresql://127.0.0.1:5432/gatehouse_test");
    private static final String USER = env("GATEHOUSE_PG_USER", "gatehouse");
    private static final String PASSWORD = env("GATEHOUSE_PG_PASSWORD", "gatehouse");
    private static final String SCHEMA = "gatehouse_sql_test_" + UUID.randomUUID().toString().substring(0, 8);
    private static final int BIG_ROWS = 300_000;

    private static boolean schemaCreated;

    private final SqlConnector connector = new SqlConnector(new org.postgresql.Driver());
    private final DataSourceSettings postgres = sql("sales-pg", "url", URL);
    private final Credentials credentials = Credentials.basic(USER, PASSWORD);

    @BeforeClass
    public static void createSchema() throws SQLException {
        try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + SCHEMA);
            schemaCreated = true;
            statement.execute("CREATE TABLE " + SCHEMA + ".every_kind (id int PRIMARY KEY, i int, b bigint, "
                    + "n numeric(20,4), t text, v varchar(40), flag boolean, d date, ts timestamp, tstz timestamptz, "
                    + "bin bytea, dp double precision, r real, si smallint, tt time, u uuid, j jsonb, arr int[], "
                    + "ttz timetz)");
            statement.execute("INSERT INTO " + SCHEMA + ".every_kind VALUES (1, -42, 9000000000000, 12345.6789, "
                    + "'some text', 'Zoë', true, '2024-02-29', '2024-02-29 13:45:30.123456', "
                    + "'2024-02-29 13:45:30.5+02', '\\x0102ff', 2.5e-3, 1.1, 300, '13:45:30', "
                    + "'123e4567-e89b-12d3-a456-426614174000', '{\"a\": 1}', '{1,2,3}', '10:00:00+01')");
            statement.execute("INSERT INTO " + SCHEMA + ".every_kind (id) VALUES (2)");
            statement.execute("CREATE TABLE " + SCHEMA + ".big AS SELECT g AS id, 'row-' || g AS label "
                    + "FROM generate_series(1, " + BIG_ROWS + ") g");
        }
    }

    @AfterClass
    public static void dropSchema() throws SQLException {
        if (!schemaCreated) {
            return;
        }
        try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    public void typesRoundTrip() throws Exception {
        Query query = new Query("kinds", "SELECT * FROM " + SCHEMA + ".every_kind ORDER BY id");
        try (RowSource rows = connector.open(postgres, credentials, query)) {
            assertEquals(List.of(new Column("id", ColumnType.INTEGER), new Column("i", ColumnType.INTEGER),
                    new Column("b", ColumnType.LONG), new Column("n", ColumnType.DECIMAL),
                    new Column("t", ColumnType.STRING), new Column("v", ColumnType.STRING),
                    new Column("flag", ColumnType.BOOLEAN), new Column("d", ColumnType.DATE),
                    new Column("ts", ColumnType.TIMESTAMP), new Column("tstz", ColumnType.TIMESTAMP_TZ),
                    new Column("bin", ColumnType.BINARY), new Column("dp", ColumnType.DOUBLE),
                    new Column("r", ColumnType.DOUBLE), new Column("si", ColumnType.INTEGER),
                    new Column("tt", ColumnType.TIME), new Column("u", ColumnType.STRING),
                    new Column("j", ColumnType.STRING), new Column("arr", ColumnType.STRING),
                    new Column("ttz", ColumnType.STRING)),
                    rows.schema().columns());

            Object[] row = new Object[rows.schema().size()];
            assertTrue(rows.next(row));
            RowAssertions.assertValuesHaveTheirColumnTypes(rows.schema(), row);
            assertEquals(1, row[0]);
            assertEquals(-42, row[1]);
            assertEquals(9_000_000_000_000L, row[2]);
            assertEquals(new BigDecimal("12345.6789"), row[3]);
            assertEquals("some text", row[4]);
            assertEquals("Zoë", row[5]);
            assertEquals(Boolean.TRUE, row[6]);
            assertEquals(LocalDate.of(2024, 2, 29), row[7]);
            assertEquals(LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000), row[8]);
            assertTrue(row[9] + " is the same instant",
                    OffsetDateTime.of(2024, 2, 29, 13, 45, 30, 500_000_000, ZoneOffset.ofHours(2))
                            .isEqual((OffsetDateTime) row[9]));
            assertArrayEquals(new byte[] {1, 2, (byte) 0xFF}, (byte[]) row[10]);
            assertEquals(0.0025, row[11]);
            assertEquals(1.1, row[12]);
            assertEquals(300, row[13]);
            assertEquals(LocalTime.of(13, 45, 30), row[14]);
            assertEquals("123e4567-e89b-12d3-a456-426614174000", row[15]);
            assertEquals("{\"a\": 1}", row[16]);
            assertEquals("{1,2,3}", row[17]);
            assertEquals("10:00:00+01", row[18]);

            assertTrue(rows.next(row));
            assertEquals(2, row[0]);
            for (int i = 1; i < row.length; i++) {
                assertNull(rows.schema().column(i) + " of the empty row", row[i]);
            }
            assertFalse(rows.next(row));
        }
    }

    @Test
    public void streamsALargeGeneratedTable() throws Exception {
        Query query = new Query("big", "SELECT id, label FROM " + SCHEMA + ".big ORDER BY id");
        try (RowSource rows = connector.open(postgres, credentials, query)) {
            JdbcRowSource jdbc = (JdbcRowSource) rows;
            assertEquals(1000, jdbc.resultSet().getFetchSize());
            assertFalse("PostgreSQL only streams with autocommit off", jdbc.connection().getAutoCommit());
            assertTrue(jdbc.connection().isReadOnly());

            RowTally tally = RowTally.of(rows);

            assertEquals(BIG_ROWS, tally.rows());
            assertEquals((long) BIG_ROWS * (BIG_ROWS + 1) / 2, tally.idSum());
            assertEquals(RowTally.expectedLabelChecksum("row-", BIG_ROWS), tally.labelChecksum());
        }
    }

    /**
     * Proof from the server's side that rows come in fetches of fetchSize through a cursor: the query fails at row
     * 123,457, yet the rows of every complete fetch before it arrive first. Had the driver read the whole result at
     * once, open() itself would have failed and no row would have arrived.
     */
    @Test
    public void serverCursorHandsOutRowsInFetchesOfFetchSize() throws Exception {
        DataSourceSettings fetching700 = sql("sales-pg", "url", URL, "fetchSize", "700");
        Query failingLate = new Query("late-failure",
                "SELECT g AS id, 'row-' || g AS label, 1 / (g - 123457) AS boom FROM generate_series(1, " + BIG_ROWS
                        + ") g");

        long delivered = 0;
        try (RowSource rows = connector.open(fetching700, credentials, failingLate)) {
            Object[] row = new Object[3];
            ConnectorException e = expectFailure(Reason.QUERY_FAILED, () -> {
                while (rows.next(row)) {
                    // read until the fetch holding the bad row fails
                }
            });
            assertMentions(e, "query 'late-failure'", "sales-pg", "division by zero");
            delivered = (Integer) row[0];
        }
        assertEquals("the last row of the last complete fetch of 700", 123_456 / 700 * 700, delivered);
    }

    @Test
    public void readsOnly() {
        Query write = new Query("sneaky", "INSERT INTO " + SCHEMA + ".big VALUES (0, 'x') RETURNING id");

        ConnectorException e = expectFailure(Reason.QUERY_FAILED, () -> connector.open(postgres, credentials, write));

        assertMentions(e, "read-only transaction");
    }

    /**
     * A cancel must reach the server even while the reader waits in a later fetch of the cursor, where
     * PostgreSQL's Statement.cancel() does nothing: afterwards no session may still be running the query.
     */
    @Test
    public void cancelStopsAFetchTheServerIsStillWorkingOn() throws Exception {
        String marker = "slow-" + UUID.randomUUID();
        // the second fetch sleeps on the server far longer than the test waits for it
        Query slow = new Query("slow", "SELECT g, CASE WHEN g > 1000 THEN pg_sleep(120)::text END AS \"" + marker
                + "\" FROM generate_series(1, 2000) g");
        RowSource rows = connector.open(postgres, credentials, slow);
        CountDownLatch firstFetchRead = new CountDownLatch(1);
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<ConnectorException> outcome = reader.submit(() -> {
                Object[] row = new Object[2];
                try (rows) {
                    for (int count = 1; rows.next(row); count++) {
                        if (count == 1000) {
                            firstFetchRead.countDown();
                        }
                    }
                    return null;
                } catch (ConnectorException e) {
                    return e;
                }
            });
            assertTrue(firstFetchRead.await(60, TimeUnit.SECONDS));
            Thread.sleep(300); // let the reader block in the second fetch; if it has not yet, the cancel still wins
            rows.cancel();

            ConnectorException e = outcome.get(60, TimeUnit.SECONDS);
            assertTrue("the read ended without the cancel", e != null);
            assertEquals(Reason.CANCELLED, e.reason());
            assertEquals("sessions still running the cancelled query", 0, sessionsRunning(marker));
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    public void wrongPasswordIsAnAuthenticationFailure() {
        String wrong = "not-" + PASSWORD + "-at-all";

        ConnectorException e = expectFailure(Reason.AUTHENTICATION_FAILED, () -> connector.open(postgres,
                Credentials.basic(USER, wrong), new Query("q", "SELECT 1")));

        assertMentions(e, "authentication failed for data source sales-pg");
        assertNoSecret(e, wrong);
        assertTrue(e.getCause() instanceof SQLException);
        assertEquals("28P01", ((SQLException) e.getCause()).getSQLState());
    }

    @Test
    public void testAcceptsTheRightCredentialsAndRefusesWrongOnes() throws Exception {
        connector.test(postgres, credentials);

        expectFailure(Reason.AUTHENTICATION_FAILED,
                () -> connector.test(postgres, Credentials.basic(USER, "not-" + PASSWORD)));
    }

    private static int sessionsRunning(String marker) throws SQLException {
        try (Connection connection = adminConnection(); Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE state = "
                        + "'active' AND pid <> pg_backend_pid() AND query LIKE '%" + marker + "%'")) {
            count.next();
            return count.getInt(1);
        }
    }

    private static Connection adminConnection() {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        try {
            return new org.postgresql.Driver().connect(URL, properties);
        } catch (SQLException e) {
            throw new AssertionError("These tests need a running PostgreSQL server, and " + URL + " as " + USER
                    + " could not be used (" + e.getMessage() + "). Install and start PostgreSQL with a role "
                    + USER + " owning the database (the CI script shows how), or set GATEHOUSE_PG_URL, "
                    + "GATEHOUSE_PG_USER and GATEHOUSE_PG_PASSWORD.", e);
        }
    }

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
