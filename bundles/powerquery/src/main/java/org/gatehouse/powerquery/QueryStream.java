package org.gatehouse.powerquery;

import java.util.ArrayList;
import java.util.List;

import org.gatehouse.api.Column;
import org.gatehouse.api.ColumnType;
import org.gatehouse.powerquery.impl.value.MTable;
import org.gatehouse.powerquery.impl.value.RowCursor;
import org.gatehouse.powerquery.impl.value.Values;

/**
 * One query's table handed over a row at a time, as plain Java values of the gateway's column types: a query over a
 * large file is read through once (twice when a column has no declared type and its type has to be found from its
 * values) and never held. A row that fails raises its M error from {@link #next()}; a cell that fails is null there
 * and counted in {@link #warnings()}. Close the stream when done.
 */
public final class QueryStream implements AutoCloseable {

    private final String name;
    private final List<Column> columns;
    private final RowCursor cursor;
    private final LoadErrors errors = new LoadErrors();
    private long rowNumber;

    private QueryStream(String name, List<Column> columns, RowCursor cursor) {
        this.name = name;
        this.columns = columns;
        this.cursor = cursor;
    }

    /** The query's value as a stream, loaded as PowerQuery.toResult loads it (a list as a "Value" column). */
    static QueryStream of(String name, Object value) {
        MTable table = PowerQuery.loadedTable(name, value);
        List<Column> columns = new ArrayList<>();
        String[] observed = observedKinds(table);
        for (int c = 0; c < table.columns().size(); c++) {
            columns.add(new Column(table.columns().get(c), PowerQuery.columnType(table.types().get(c), observed[c])));
        }
        return new QueryStream(name, List.copyOf(columns), table.cursor());
    }

    /**
     * For each column without a declared type, the kind all its values share (null: none seen, "mixed": several).
     * Only then is the table read an extra time.
     */
    private static String[] observedKinds(MTable table) {
        int width = table.columns().size();
        String[] kinds = new String[width];
        List<Integer> untyped = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            if (table.types().get(c).kind().equals("any")) {
                untyped.add(c);
            }
        }
        if (untyped.isEmpty()) {
            return kinds;
        }
        LoadErrors uncounted = new LoadErrors(); // next() counts the error cells, on the read that delivers them
        try (RowCursor rows = table.cursor()) {
            for (Object[] row = rows.next(); row != null; row = rows.next()) {
                for (int c : untyped) {
                    Object cell = uncounted.value(row[c], 0, ""); // an error cell has no kind
                    if (cell != null && !PowerQuery.MIXED.equals(kinds[c])) {
                        String k = Values.kind(cell);
                        kinds[c] = kinds[c] == null || kinds[c].equals(k) ? k : PowerQuery.MIXED;
                    }
                }
            }
        }
        return kinds;
    }

    public String name() {
        return name;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** The next row's values, or null after the last row. */
    public List<Object> next() {
        Object[] row;
        try {
            row = cursor.next();
        } catch (StackOverflowError e) {
            throw new MException("Expression.Error", "Evaluation ran out of stack (too deep recursion).");
        } catch (OutOfMemoryError e) {
            throw new MException("Expression.Error", "Evaluation ran out of memory (" + e.getMessage() + ").");
        }
        if (row == null) {
            return null;
        }
        rowNumber++;
        List<Object> values = new ArrayList<>(row.length);
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            values.add(PowerQuery.javaValue(errors.value(row[c], rowNumber, column.name()), column.type()));
        }
        return values;
    }

    /**
     * What went wrong in the rows read so far without ending the read: cells whose value is an error, which
     * {@link #next()} returned as null, as Excel loads them empty. Ask after the last row.
     */
    public List<String> warnings() {
        return errors.warnings();
    }

    @Override
    public void close() {
        cursor.close();
    }
}
