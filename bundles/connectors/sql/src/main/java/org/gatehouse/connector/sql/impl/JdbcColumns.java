package org.gatehouse.connector.sql.impl;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.gatehouse.api.Column;
import org.gatehouse.api.ColumnType;
import org.gatehouse.api.Schema;

/**
 * Maps a result set's JDBC column types onto the gateway's column types, and picks for each column the reader that
 * returns exactly that type's Java class. Types without a faithful mapping are read as text.
 */
final class JdbcColumns {

    /**
     * Zoned timestamps that drivers report as plain {@link Types#TIMESTAMP} (PostgreSQL's timestamptz) or with a
     * vendor type code (SQL Server's datetimeoffset): recognised by their type name.
     */
    private static final Set<String> ZONED_TIMESTAMP_NAMES = Set.of("timestamptz", "timestamp with time zone",
            "datetimeoffset");
    /**
     * Types read as text although their JDBC type says otherwise: PostgreSQL reports timetz as {@link Types#TIME}
     * (and the gateway has no zoned time), H2 reports UUID as {@link Types#BINARY} (and its text is what people
     * know a UUID by).
     */
    private static final Set<String> TEXT_NAMES = Set.of("timetz", "time with time zone", "uuid");

    private final Schema schema;
    private final ColumnReader[] readers;

    private JdbcColumns(Schema schema, ColumnReader[] readers) {
        this.schema = schema;
        this.readers = readers;
    }

    static JdbcColumns of(ResultSetMetaData metaData) throws SQLException {
        int count = metaData.getColumnCount();
        List<Column> columns = new ArrayList<>(count);
        ColumnReader[] readers = new ColumnReader[count];
        for (int i = 1; i <= count; i++) {
            int jdbcType = metaData.getColumnType(i);
            ColumnType type = typeOf(jdbcType, metaData.getColumnTypeName(i), metaData.getPrecision(i),
                    metaData.isSigned(i));
            columns.add(new Column(nameOf(metaData, i), type));
            readers[i - 1] = readerFor(type, jdbcType);
        }
        return new JdbcColumns(new Schema(columns), readers);
    }

    Schema schema() {
        return schema;
    }

    /** Fills {@code row} from the result set's current row. */
    void read(ResultSet resultSet, Object[] row) throws SQLException {
        for (int i = 0; i < readers.length; i++) {
            row[i] = readers[i].read(resultSet, i + 1);
        }
    }

    static ColumnType typeOf(int jdbcType, String typeName, int precision, boolean signed) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        if (ZONED_TIMESTAMP_NAMES.contains(name)) {
            return ColumnType.TIMESTAMP_TZ;
        }
        if (TEXT_NAMES.contains(name)) {
            return ColumnType.STRING;
        }
        return switch (jdbcType) {
            case Types.BOOLEAN -> ColumnType.BOOLEAN;
            // BIT(n) with n > 1 is a bit string (PostgreSQL, MySQL), not a flag
            case Types.BIT -> precision > 1 ? ColumnType.STRING : ColumnType.BOOLEAN;
            case Types.TINYINT, Types.SMALLINT -> ColumnType.INTEGER;
            // an unsigned INTEGER (MySQL) can exceed Integer.MAX_VALUE, an unsigned BIGINT Long.MAX_VALUE
            case Types.INTEGER -> signed ? ColumnType.INTEGER : ColumnType.LONG;
            case Types.BIGINT -> signed ? ColumnType.LONG : ColumnType.DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> ColumnType.DOUBLE;
            case Types.NUMERIC, Types.DECIMAL -> ColumnType.DECIMAL;
            case Types.DATE -> ColumnType.DATE;
            case Types.TIME -> ColumnType.TIME;
            case Types.TIMESTAMP -> ColumnType.TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> ColumnType.TIMESTAMP_TZ;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> ColumnType.BINARY;
            // CHAR, VARCHAR, NVARCHAR, CLOB... and everything without a faithful mapping (UUID, JSON, XML, arrays,
            // intervals, TIME WITH TIME ZONE) as the driver's text for it
            default -> ColumnType.STRING;
        };
    }

    static ColumnReader readerFor(ColumnType type, int jdbcType) {
        return switch (type) {
            case BOOLEAN -> (rs, i) -> nullIfWasNull(rs, rs.getBoolean(i));
            case INTEGER -> (rs, i) -> nullIfWasNull(rs, rs.getInt(i));
            case LONG -> (rs, i) -> nullIfWasNull(rs, rs.getLong(i));
            case DOUBLE -> jdbcType == Types.REAL ? JdbcColumns::readReal : (rs, i) -> nullIfWasNull(rs, rs.getDouble(i));
            case DECIMAL -> (rs, i) -> rs.getBigDecimal(i);
            case STRING -> (rs, i) -> rs.getString(i);
            case DATE -> (rs, i) -> rs.getObject(i, LocalDate.class);
            case TIME -> (rs, i) -> rs.getObject(i, LocalTime.class);
            case TIMESTAMP -> (rs, i) -> rs.getObject(i, LocalDateTime.class);
            case TIMESTAMP_TZ -> (rs, i) -> rs.getObject(i, OffsetDateTime.class);
            case BINARY -> (rs, i) -> rs.getBytes(i);
        };
    }

    /**
     * A REAL widened through its shortest decimal form, so that a stored 1.1 reads as 1.1 rather than as the
     * double nearest the float (1.100000023841858).
     */
    private static Object readReal(ResultSet rs, int column) throws SQLException {
        float value = rs.getFloat(column);
        return rs.wasNull() ? null : Double.valueOf(Float.toString(value));
    }

    private static Object nullIfWasNull(ResultSet rs, Object value) throws SQLException {
        return rs.wasNull() ? null : value;
    }

    /** The column's label (its alias); a made-up name for expressions a database leaves unnamed. */
    private static String nameOf(ResultSetMetaData metaData, int column) throws SQLException {
        String label = metaData.getColumnLabel(column);
        return label == null || label.isBlank() ? "column" + column : label;
    }
}
