package org.gatehouse.powerquery;

import java.util.List;

import org.gatehouse.api.Column;

/**
 * The outcome of evaluating one query: a table as column names, the gateway's column types and rows of plain Java
 * values ({@link org.gatehouse.api.ColumnType#javaType()}), or the M error that stopped it.
 */
public record QueryResult(String name, List<Column> columns, List<List<Object>> rows, MException error) {

    public boolean failed() {
        return error != null;
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }
}
