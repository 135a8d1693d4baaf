package org.gatehouse.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The table both sides of the benchmark read: {@value #ROWS} sales rows with the mix of types a typical fact table
 * has. The content is a pure function of the row number (no {@code random()}), so every machine reads the same
 * bytes and checksums can be compared between runs and machines.
 */
final class SalesTable {

    static final String NAME = "bench_sales_1m";
    static final long ROWS = 1_000_000L;
    static final String SELECT_ALL = "SELECT * FROM " + NAME;

    /** Column name and PostgreSQL type, in table order; an existing table with other columns is rebuilt. */
    private static final List<String> COLUMNS = List.of(
            "id bigint", "sale_date date", "region text", "product text", "customer text", "quantity integer",
            "unit_price numeric", "amount numeric", "shipped_at timestamp without time zone", "returned boolean");

    private static final String CREATE = """
            CREATE TABLE bench_sales_1m (
                id          bigint PRIMARY KEY,
                sale_date   date NOT NULL,
                region      text NOT NULL,
                product     text NOT NULL,
                customer    text NOT NULL,
                quantity    integer NOT NULL,
                unit_price  numeric(10,2) NOT NULL,
                amount      numeric(12,2) NOT NULL,
                shipped_at  timestamp,
                returned    boolean NOT NULL
            )""";

    // every 10th sale is not shipped yet (a null timestamp), every 37th returned; prices 0.50 .. 999.99
    private static final String FILL = """
            INSERT INTO bench_sales_1m
            SELECT g,
                   DATE '2020-01-01' + (g % 1827)::int,
                   (ARRAY['North','South','East','West','Central','Overseas'])[1 + (g % 6)::int],
                   'Product ' || lpad(((g * 7919) % 2500)::text, 4, '0'),
                   'Customer ' || ((g * 104729) % 50000) || ' Ltd',
                   q,
                   p,
                   q * p,
                   CASE WHEN g % 10 = 0 THEN NULL
                        ELSE TIMESTAMP '2020-01-02 08:00' + (g % 1827) * INTERVAL '1 day' + (g % 36000) * INTERVAL '1 second'
                   END,
                   g % 37 = 0
            FROM (SELECT g, 1 + (g % 24) AS q, round(0.50 + ((g * 31) % 99950) / 100.0, 2)::numeric(10,2) AS p
                  FROM generate_series(1::bigint, {rows}) AS g) AS numbered""".replace("{rows}", Long.toString(ROWS));

    private SalesTable() {
    }

    /**
     * Makes sure the table exists with exactly {@value #ROWS} rows and the expected columns, (re)building it
     * otherwise. Returns a line describing what was done, for the benchmark's log.
     */
    static String ensure(PgSettings pg) throws SQLException {
        try (Connection connection = pg.connect()) {
            if (isComplete(connection)) {
                return NAME + " present (" + ROWS + " rows, " + sizeOnDisk(connection) + ")";
            }
            long started = System.nanoTime();
            rebuild(connection);
            return NAME + " built in " + (System.nanoTime() - started) / 1_000_000_000 + " s ("
                    + sizeOnDisk(connection) + ")";
        }
    }

    private static boolean isComplete(Connection connection) throws SQLException {
        if (!COLUMNS.equals(columnsOf(connection))) {
            return false;
        }
        try (Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM " + NAME)) {
            count.next();
            return count.getLong(1) == ROWS;
        }
    }

    private static List<String> columnsOf(Connection connection) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT column_name, data_type FROM information_schema.columns"
                     + " WHERE table_schema = current_schema() AND table_name = '" + NAME + "'"
                     + " ORDER BY ordinal_position")) {
            while (rs.next()) {
                columns.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return columns;
    }

    private static void rebuild(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + NAME);
            statement.execute(CREATE);
            statement.execute(FILL);
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            // sets hint bits and the visibility map now, so the first timed read does not pay for writing them
            statement.execute("VACUUM (ANALYZE) " + NAME);
        }
    }

    private static String sizeOnDisk(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_size_pretty(pg_table_size('" + NAME + "'))")) {
            rs.next();
            return rs.getString(1) + " on disk";
        }
    }
}
