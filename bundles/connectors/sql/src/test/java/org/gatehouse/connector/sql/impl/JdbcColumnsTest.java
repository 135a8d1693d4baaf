package org.gatehouse.connector.sql.impl;

import static org.junit.Assert.assertEquals;

import java.sql.Types;

import org.gatehouse.api.ColumnType;
import org.junit.Test;

/** The type mapping on its own; H2ConnectorTest and PostgresConnectorTest check it against real drivers. */
public class JdbcColumnsTest {

    @Test
    public void mapsStandardTypes() {
        assertEquals(ColumnType.BOOLEAN, type(Types.BOOLEAN, "boolean"));
        assertEquals(ColumnType.BOOLEAN, type(Types.BIT, "bit"));
        assertEquals(ColumnType.INTEGER, type(Types.TINYINT, "tinyint"));
        assertEquals(ColumnType.INTEGER, type(Types.SMALLINT, "smallint"));
        assertEquals(ColumnType.INTEGER, type(Types.INTEGER, "int"));
        assertEquals(ColumnType.LONG, type(Types.BIGINT, "bigint"));
        assertEquals(ColumnType.DOUBLE, type(Types.REAL, "real"));
        assertEquals(ColumnType.DOUBLE, type(Types.FLOAT, "float"));
        assertEquals(ColumnType.DOUBLE, type(Types.DOUBLE, "double"));
        assertEquals(ColumnType.DECIMAL, type(Types.NUMERIC, "numeric"));
        assertEquals(ColumnType.DECIMAL, type(Types.DECIMAL, "decimal"));
        assertEquals(ColumnType.DATE, type(Types.DATE, "date"));
        assertEquals(ColumnType.TIME, type(Types.TIME, "time"));
        assertEquals(ColumnType.TIMESTAMP, type(Types.TIMESTAMP, "datetime2"));
        assertEquals(ColumnType.TIMESTAMP_TZ, type(Types.TIMESTAMP_WITH_TIMEZONE, "timestamp with time zone"));
        for (int binary : new int[] {Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB}) {
            assertEquals(ColumnType.BINARY, type(binary, "varbinary"));
        }
        for (int text : new int[] {Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR,
                Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB}) {
            assertEquals(ColumnType.STRING, type(text, "varchar"));
        }
    }

    @Test
    public void readsEverythingElseAsText() {
        assertEquals(ColumnType.STRING, type(Types.OTHER, "jsonb"));
        assertEquals(ColumnType.STRING, type(Types.ARRAY, "_int4"));
        assertEquals(ColumnType.STRING, type(Types.SQLXML, "xml"));
        assertEquals(ColumnType.STRING, type(Types.TIME_WITH_TIMEZONE, "time with time zone"));
        assertEquals(ColumnType.STRING, type(Types.STRUCT, "point"));
    }

    @Test
    public void recognisesVendorTypesByName() {
        assertEquals("PostgreSQL reports timestamptz as TIMESTAMP", ColumnType.TIMESTAMP_TZ,
                type(Types.TIMESTAMP, "timestamptz"));
        assertEquals("SQL Server's datetimeoffset has a vendor type code", ColumnType.TIMESTAMP_TZ,
                type(-155, "datetimeoffset"));
        assertEquals("PostgreSQL reports timetz as TIME", ColumnType.STRING, type(Types.TIME, "timetz"));
        assertEquals("H2 reports UUID as BINARY", ColumnType.STRING, type(Types.BINARY, "UUID"));
    }

    @Test
    public void bitStringsAndUnsignedIntegersKeepTheirValues() {
        assertEquals(ColumnType.STRING, type(Types.BIT, "bit", 8, false));
        assertEquals(ColumnType.LONG, type(Types.INTEGER, "int unsigned", 10, false));
        assertEquals(ColumnType.DECIMAL, type(Types.BIGINT, "bigint unsigned", 20, false));
    }

    private static ColumnType type(int jdbcType, String name) {
        return type(jdbcType, name, 1, true);
    }

    private static ColumnType type(int jdbcType, String name, int precision, boolean signed) {
        return JdbcColumns.typeOf(jdbcType, name, precision, signed);
    }
}
