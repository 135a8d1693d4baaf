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

/** The connector against a real, in-memory H2 database. */
public class H2ConnectorTest {

    private static final String URL = "jdbc:h2:mem:h2-connector-test;DB_CLOSE_DELAY=-1";
    private static final String SECURED_URL = "jdbc:h2:mem:h2-connector-secured;DB_CLOSE_DELAY=-1";
    private static final String OWNER_PASSWORD = "right-horse-battery";
    private static final int BIG_ROWS = 200_000;

    private static Connection keepAlive;
    private static Connection keepSecuredAlive;

    private final SqlConnector connector = new SqlConnector(new org.h2.Driver(), new org.postgresql.Driver());
    private final DataSourceSettings h2 = sql("warehouse", "url", URL, "fetchSize", "500");
    private final Credentials sa = Credentials.basic("sa", "");

    @BeforeClass
    public static void createDatabases() throws SQLException {
        keepAlive = connect(URL, "sa", "");
        try (Statement statement = keepAlive.createStatement()) {
            statement.execute("CREATE TABLE every_kind (id INTEGER PRIMARY KEY, flag BOOLEAN, tiny TINYINT, "
                    + "small SMALLINT, regular INTEGER, big BIGINT, single REAL, dbl DOUBLE PRECISION, "
                    + "amount DECIMAL(20,4), code CHAR(3), name VARCHAR(50), notes CLOB, a_day DATE, a_time TIME, "
                    + "stamp TIMESTAMP, zoned TIMESTAMP WITH TIME ZONE, raw VARBINARY(16), fixed BINARY(4), "
                    + "blob_col BLOB, uid UUID, zoned_time TIME WITH TIME ZONE, span INTERVAL DAY TO SECOND, "
                    + "tags INTEGER ARRAY, doc JSON)");
            statement.execute("INSERT INTO every_kind VALUES (1, TRUE, 7, -300, 2000000000, 9000000000000, 1.1, "
                    + "0.0025, 12345.6789, 'abc', 'Zoë', 'a long note', DATE '2024-02-29', TIME '13:45:30', "
                    + "TIMESTAMP '2024-02-29 13:45:30.123456', TIMESTAMP WITH TIME ZONE '2024-02-29 13:45:30+02:00', "
                    + "X'0102', X'0A0B0C0D', X'FF00', '123e4567-e89b-12d3-a456-426614174000', "
                    + "TIME WITH TIME ZONE '10:00:00+01:00', INTERVAL '1 02:03:04' DAY TO SECOND, ARRAY[1, 2, 3], "
                    + "JSON '{\"a\":1}')");
            statement.execute("INSERT INTO every_kind (id) VALUES (2)");
            statement.execute("CREATE TABLE big AS SELECT X AS id, CONCAT('row-', X) AS label "
                    + "FROM SYSTEM_RANGE(1, " + BIG_ROWS + ")");
        }
        // the first connection to an in-memory database makes its user the administrator, with this password
        keepSecuredAlive = connect(SECURED_URL, "owner", OWNER_PASSWORD);
    }

    @AfterClass
    public static void dropDatabases() throws SQLException {
        keepAlive.close();
        keepSecuredAlive.close();
    }

    @Test
    public void describesAndReadsEveryKindOfColumn() throws Exception {
        try (RowSource rows = connector.open(h2, sa, new Query("kinds", "SELECT * FROM every_kind ORDER BY id"))) {
            assertEquals(List.of(new Column("ID", ColumnType.INTEGER), new Column("FLAG", ColumnType.BOOLEAN),
                    new Column("TINY", ColumnType.INTEGER), new Column("SMALL", ColumnType.INTEGER),
                    new Column("REGULAR", ColumnType.INTEGER), new Column("BIG", ColumnType.LONG),
                    new Column("SINGLE", ColumnType.DOUBLE), new Column("DBL", ColumnType.DOUBLE),
                    new Column("AMOUNT", ColumnType.DECIMAL), new Column("CODE", ColumnType.STRING),
                    new Column("NAME", ColumnType.STRING), new Column("NOTES", ColumnType.STRING),
                    new Column("A_DAY", ColumnType.DATE), new Column("A_TIME", ColumnType.TIME),
                    new Column("STAMP", ColumnType.TIMESTAMP), new Column("ZONED", ColumnType.TIMESTAMP_TZ),
                    new Column("RAW", ColumnType.BINARY), new Column("FIXED", ColumnType.BINARY),
                    new Column("BLOB_COL", ColumnType.BINARY), new Column("UID", ColumnType.STRING),
                    new Column("ZONED_TIME", ColumnType.STRING), new Column("SPAN", ColumnType.STRING),
                    new Column("TAGS", ColumnType.STRING), new Column("DOC", ColumnType.STRING)),
                    rows.schema().columns());

            Object[] row = new Object[rows.schema().size()];
            assertTrue(rows.next(row));
            RowAssertions.assertValuesHaveTheirColumnTypes(rows.schema(), row);
            assertEquals(1, row[0]);
            assertEquals(Boolean.TRUE, row[1]);
            assertEquals(7, row[2]);
            assertEquals(-300, row[3]);
            assertEquals(2_000_000_000, row[4]);
            assertEquals(9_000_000_000_000L, row[5]);
            assertEquals(1.1, row[6]);
            assertEquals(0.0025, row[7]);
            assertEquals(new BigDecimal("12345.6789"), row[8]);
            assertEquals("abc", row[9]);
            assertEquals("Zoë", row[10]);
            assertEquals("a long note", row[11]);
            assertEquals(LocalDate.of(2024, 2, 29), row[12]);
            assertEquals(LocalTime.of(13, 45, 30), row[13]);
            assertEquals(LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000), row[14]);
            assertEquals(OffsetDateTime.of(2024, 2, 29, 13, 45, 30, 0, ZoneOffset.ofHours(2)), row[15]);
            assertArrayEquals(new byte[] {1, 2}, (byte[]) row[16]);
            assertArrayEquals(new byte[] {10, 11, 12, 13}, (byte[]) row[17]);
            assertArrayEquals(new byte[] {(byte) 0xFF, 0}, (byte[]) row[18]);
            assertEquals("123e4567-e89b-12d3-a456-426614174000", row[19]);
            assertTrue((String) row[20], ((String) row[20]).startsWith("10:00:00+01"));
            assertTrue((String) row[21], ((String) row[21]).contains("1 02:03:04"));
            assertTrue((String) row[22], ((String) row[22]).matches(".*1, ?2, ?3.*"));
            assertEquals("{\"a\":1}", row[23]);

            assertTrue(rows.next(row));
            assertEquals(2, row[0]);
            for (int i = 1; i < row.length; i++) {
                assertNull(rows.schema().column(i) + " of the empty row", row[i]);
            }
            assertFalse(rows.next(row));
        }
    }

    @Test
    public void streamsALargeTableRowByRow() throws Exception {
        try (RowSource rows = connector.open(h2, sa, new Query("big", "SELECT id, label FROM big ORDER BY id"))) {
            JdbcRowSource jdbc = (JdbcRowSource) rows;
            assertEquals(ResultSet.TYPE_FORWARD_ONLY, jdbc.resultSet().getType());
            assertEquals(ResultSet.CONCUR_READ_ONLY, jdbc.resultSet().getConcurrency());
            // H2's in-process result sets report no fetch size of their own: the statement carries it
            assertEquals(500, jdbc.resultSet().getStatement().getFetchSize());
            assertFalse(jdbc.connection().getAutoCommit());

            RowTally tally = RowTally.of(rows);

            assertEquals(BIG_ROWS, tally.rows());
            assertEquals((long) BIG_ROWS * (BIG_ROWS + 1) / 2, tally.idSum());
            assertEquals(RowTally.expectedLabelChecksum("row-", BIG_ROWS), tally.labelChecksum());
            assertTrue("the connection is released once the last row is read", jdbc.connection().isClosed());
        }
    }

    @Test
    public void cancelFromAnotherThreadStopsTheRead() throws Exception {
        RowSource rows = connector.open(h2, sa, new Query("big", "SELECT id, label FROM big ORDER BY id"));
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<Long> rowsRead = reader.submit(() -> {
                Object[] row = new Object[2];
                long count = 0;
                try (rows) {
                    while (rows.next(row)) {
                        if (++count == 1000) {
                            halfway.countDown();
                            cancelled.await();
                        }
                    }
                } catch (ConnectorException e) {
                    assertEquals(Reason.CANCELLED, e.reason());
                    assertMentions(e, "big", "warehouse", "cancelled");
                    return count;
                }
                throw new AssertionError("read all " + count + " rows despite the cancel");
            });
            assertTrue(halfway.await(30, TimeUnit.SECONDS));
            rows.cancel();
            cancelled.countDown();

            assertEquals(1000L, (long) rowsRead.get(30, TimeUnit.SECONDS));
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    public void nextAfterCancelKeepsFailingAndCloseNeverThrows() throws Exception {
        RowSource rows = connector.open(h2, sa, new Query("big", "SELECT id FROM big"));
        rows.cancel();
        expectFailure(Reason.CANCELLED, () -> rows.next(new Object[1]));
        expectFailure(Reason.CANCELLED, () -> rows.next(new Object[1]));
        rows.close();
        rows.close();
        rows.cancel();
    }

    @Test
    public void badSqlIsAQueryFailureWithTheDatabasesWords() {
        ConnectorException e = expectFailure(Reason.QUERY_FAILED,
                () -> connector.open(h2, sa, new Query("orders", "SELECT * FROM no_such_table")));

        assertMentions(e, "query 'orders'", "data source warehouse", "NO_SUCH_TABLE", "not found");
    }

    @Test
    public void queryTimeoutStopsALongQuery() {
        DataSourceSettings limited = sql("warehouse", "url", URL, "queryTimeoutSeconds", "1");

        ConnectorException e = expectFailure(Reason.QUERY_FAILED, () -> connector.open(limited, sa, new Query(
                "endless", "SELECT SUM(a.X * b.X) FROM SYSTEM_RANGE(1, 1000000) a, SYSTEM_RANGE(1, 1000000) b")));

        assertMentions(e, "query 'endless'", "limit of 1 s");
    }

    @Test
    public void wrongPasswordIsAnAuthenticationFailureThatDoesNotLeakIt() {
        DataSourceSettings secured = sql("secured-db", "url", SECURED_URL);
        String wrong = "wrong-horse-battery";

        ConnectorException opening = expectFailure(Reason.AUTHENTICATION_FAILED,
                () -> connector.open(secured, Credentials.basic("owner", wrong), new Query("q", "SELECT 1")));
        ConnectorException testing = expectFailure(Reason.AUTHENTICATION_FAILED,
                () -> connector.test(secured, Credentials.basic("owner", wrong)));

        for (ConnectorException e : List.of(opening, testing)) {
            assertMentions(e, "authentication failed for data source secured-db");
            assertNoSecret(e, wrong);
            assertNoSecret(e, OWNER_PASSWORD);
        }
    }

    @Test
    public void rightPasswordPassesTheTest() throws Exception {
        connector.test(sql("secured-db", "url", SECURED_URL), Credentials.basic("owner", OWNER_PASSWORD));
    }

    @Test
    public void windowsCredentialsAreRefusedForH2() {
        ConnectorException e = expectFailure(Reason.UNSUPPORTED, () -> connector.test(h2,
                Credentials.of(org.gatehouse.api.AuthenticationType.WINDOWS, null, null)));

        assertMentions(e, "warehouse", "only with SQL Server");
    }

    @Test
    public void urlNoDriverAcceptsIsInvalidSettingsWithoutCredentials() {
        DataSourceSettings exotic = sql("exotic", "url", "jdbc:xyz://db/sales;user=bob;password=hunter2");

        ConnectorException e = expectFailure(Reason.INVALID_SETTINGS,
                () -> connector.open(exotic, Credentials.anonymous(), new Query("q", "SELECT 1")));

        assertMentions(e, "data source exotic", "no JDBC driver installed accepts URL jdbc:xyz://db/sales");
        assertNoSecret(e, "hunter2");
        assertFalse(e.getMessage(), e.getMessage().contains("bob"));
    }

    @Test
    public void supportsAnonymousBasicAndWindows() {
        assertEquals("sql", connector.kind());
        assertEquals(java.util.EnumSet.of(org.gatehouse.api.AuthenticationType.ANONYMOUS,
                org.gatehouse.api.AuthenticationType.BASIC, org.gatehouse.api.AuthenticationType.WINDOWS),
                connector.supportedAuthentication());
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return new org.h2.Driver().connect(url, properties);
    }
}
