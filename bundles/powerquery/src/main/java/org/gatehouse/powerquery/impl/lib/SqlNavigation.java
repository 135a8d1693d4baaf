package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.gatehouse.powerquery.DataAccess;
import org.gatehouse.powerquery.QueryResult;
import org.gatehouse.powerquery.impl.value.MTable;
import org.gatehouse.powerquery.impl.value.Thunk;

/**
 * {@code Sql.Database(server, database)} without a Query option: the database's navigation table, one row per table
 * or view with the columns Name, Data, Schema, Item and Kind, which is what the code Excel's navigator writes picks
 * from ({@code Source{[Schema="dbo",Item="Sales"]}[Data]}). The list comes from the standard INFORMATION_SCHEMA
 * (SQL Server, PostgreSQL and H2 all have it); a table's rows are read only when its Data cell is, with a plain
 * {@code SELECT *}, so choosing one table reads that table only.
 */
final class SqlNavigation {

    /** The catalog's own schemas, which the navigator does not offer. */
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "pg_catalog", "sys");

    static final String TABLES_QUERY = "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE FROM INFORMATION_SCHEMA.TABLES "
            + "ORDER BY TABLE_SCHEMA, TABLE_NAME";

    /**
     * The server and database of each navigation table this engine made, so that Value.NativeQuery can run a query
     * where the table came from (weak keys: a table no query holds any more is forgotten; tables compare by identity).
     */
    private static final java.util.Map<MTable, String[]> ORIGINS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private SqlNavigation() {
    }

    /** The {server, database} a navigation table of Sql.Database lists, or null for any other value. */
    static String[] origin(Object value) {
        return value instanceof MTable t ? ORIGINS.get(t) : null;
    }

    static MTable of(DataAccess access, String server, String database) {
        QueryResult tables = access.sqlQuery(server, database, TABLES_QUERY);
        if (tables.failed()) {
            throw tables.error();
        }
        List<Object[]> rows = new ArrayList<>();
        for (List<Object> table : tables.rows()) {
            String schema = String.valueOf(table.get(0));
            String name = String.valueOf(table.get(1));
            if (SYSTEM_SCHEMAS.contains(schema.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String kind = String.valueOf(table.get(2)).toUpperCase(Locale.ROOT).contains("VIEW") ? "View" : "Table";
            String select = "SELECT * FROM " + quoted(schema) + "." + quoted(name);
            Thunk data = new Thunk(() -> SourceFunctions.fromResult(access.sqlQuery(server, database, select)));
            rows.add(new Object[] {name, data, schema, name, kind});
        }
        MTable navigation = new MTable(List.of("Name", "Data", "Schema", "Item", "Kind"), null, rows);
        ORIGINS.put(navigation, new String[] {server, database});
        return navigation;
    }

    /** An SQL identifier in double quotes (ANSI; SQL Server accepts them with its default QUOTED_IDENTIFIER ON). */
    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
