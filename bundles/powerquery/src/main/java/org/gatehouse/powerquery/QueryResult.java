package org.gatehouse.powerquery;

import java.util.List;

import org.gatehouse.api.Column;

/**
 * The outcome of evaluating one query: a table as column names, the gateway's column types and rows of plain Java
 * values ({@link org.gatehouse.api.ColumnType#javaType()}), or the M error that stopped it. {@code warnings} says what
 * went wrong without stopping it: cells whose value is an error, loaded as null as Excel loads them empty.
 */
public record QueryResult(String name, List<Column> columns, List<List<Object>> rows, MException error,
                          List<String> warnings) {

    public QueryResult(String name, List<Column> columns, List<List<Object>> rows, MException error) {
        this(name, columns, rows, error, List.of());
    }

    public boolean failed() {
        return error != null;
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }
}
