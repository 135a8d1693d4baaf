package org.gatehouse.powerquery.impl.value;

import java.util.ArrayList;
import java.util.List;

/**
 * An M table: column names, column types and rows. Cells may be {@link Thunk}s so a failing cell only fails when read,
 * as in M. Rows are held in memory (workbook-sized data); streaming is for the gateway's row sources.
 */
public final class MTable {

    private final List<String> columns;
    private final List<MType> types;
    private final List<Object[]> rows;

    public MTable(List<String> columns, List<MType> types, List<Object[]> rows) {
        if (types == null) {
            types = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                types.add(MType.ANY);
            }
        }
        this.columns = List.copyOf(columns);
        this.types = new ArrayList<>(types);
        this.rows = rows;
        if (columns.stream().distinct().count() != columns.size()) {
            throw Errors.expression("The table has duplicate column names: " + columns + ".");
        }
    }

    public List<String> columns() {
        return columns;
    }

    public List<MType> types() {
        return types;
    }

    public List<Object[]> rows() {
        return rows;
    }

    public int rowCount() {
        return rows.size();
    }

    public int columnIndex(String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw Errors.expression("The column '" + name + "' of the table wasn't found.");
        }
        return i;
    }

    public Object cell(int row, int column) {
        return Thunk.force(rows.get(row)[column]);
    }

    /** A row as a record whose fields stay lazy. */
    public MRecord row(int i) {
        return new MRecord(columns, java.util.Arrays.asList(rows.get(i)));
    }

    public MType rowType() {
        return MType.record(columns, types);
    }
}
