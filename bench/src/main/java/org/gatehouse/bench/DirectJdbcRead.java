package org.gatehouse.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Side (a): the table read straight from PostgreSQL the way any connector has to read it to stream it, so the
 * difference to side (b) is what the gateway, the relay and the client add. That means: autocommit off (the
 * PostgreSQL driver only uses a cursor inside a transaction; without it the whole table lands in memory first),
 * forward-only and read-only, {@value #FETCH_SIZE} rows per round trip (the gateway's data source is configured with
 * the same), and every value decoded into the Java type the gateway would hand on, then consumed by a checksum.
 */
final class DirectJdbcRead {

    static final int FETCH_SIZE = 1000;

    private final PgSettings pg;

    DirectJdbcRead(PgSettings pg) {
        this.pg = pg;
    }

    /** Timed from opening the connection to closing it, as the gateway's refresh opens and closes its own. */
    Measurement run() throws SQLException {
        long started = System.nanoTime();
        RowChecksum checksum = new RowChecksum();
        try (Connection connection = pg.connect()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = statement.executeQuery(SalesTable.SELECT_ALL)) {
                    ValueReader[] readers = readersFor(rs.getMetaData());
                    Object[] row = new Object[readers.length];
                    while (rs.next()) {
                        for (int i = 0; i < readers.length; i++) {
                            row[i] = readers[i].read(rs, i + 1);
                        }
                        checksum.add(row);
                    }
                }
            } finally {
                connection.rollback();
            }
        }
        return new Measurement(checksum.rows(), -1, Duration.ofNanos(System.nanoTime() - started), checksum.hex(),
                null, null);
    }

    /**
     * Chosen once per column from the result's metadata, as a connector that does not know the table must; the
     * types are the ones the benchmark table uses, anything else is a mistake in the benchmark and fails.
     */
    static ValueReader[] readersFor(ResultSetMetaData metaData) throws SQLException {
        ValueReader[] readers = new ValueReader[metaData.getColumnCount()];
        for (int i = 0; i < readers.length; i++) {
            int type = metaData.getColumnType(i + 1);
            readers[i] = switch (type) {
                case Types.BIGINT -> (rs, c) -> orNull(rs, rs.getLong(c));
                case Types.INTEGER -> (rs, c) -> orNull(rs, rs.getInt(c));
                case Types.BIT, Types.BOOLEAN -> (rs, c) -> orNull(rs, rs.getBoolean(c));
                case Types.NUMERIC, Types.DECIMAL -> ResultSet::getBigDecimal;
                case Types.VARCHAR, Types.CHAR -> ResultSet::getString;
                case Types.DATE -> (rs, c) -> rs.getObject(c, LocalDate.class);
                case Types.TIMESTAMP -> (rs, c) -> rs.getObject(c, LocalDateTime.class);
                default -> throw new IllegalStateException("column " + metaData.getColumnName(i + 1) + " has type "
                        + metaData.getColumnTypeName(i + 1) + ", which the benchmark does not decode");
            };
        }
        return readers;
    }

    /** getLong/getInt/getBoolean answer 0 or false for NULL; the gateway passes NULL on, so must this. */
    private static Object orNull(ResultSet rs, Object value) throws SQLException {
        return rs.wasNull() ? null : value;
    }

    @FunctionalInterface
    interface ValueReader {
        Object read(ResultSet rs, int column) throws SQLException;
    }
}
