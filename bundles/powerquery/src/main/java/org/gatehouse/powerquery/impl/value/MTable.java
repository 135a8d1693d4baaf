package org.gatehouse.powerquery.impl.value;

import java.util.ArrayList;
import java.util.List;

/**
 * An M table: column names, column types and rows. Cells may be {@link Thunk}s so a failing cell only fails when read,
 * as in M. Rows are either held in memory or streamed from a {@link RowSource} that is re-opened for every enumeration;
 * a streamed table keeps its rows in memory only once an operation needs random access to them ({@link #rows()}).
 */
public final class MTable {

    private final List<String> columns;
    private final List<MType> types;
    private final RowSource source;
    private List<Object[]> rows;
    /** The keys of the table's type; they mean nothing to M's operations but travel with the table. */
    private List<TableKey> keys = List.of();
    /** Set on a Table.Sort result only: what it sorted and how, so later steps can run before the sort. */
    private SortOrigin sortOrigin;
    /** Set on a Table.Combine result only: the tables whose rows it holds, one after the other. */
    private List<MTable> combinedFrom;
    /** Set on a Table.View result only: the handlers that the library's table operations call instead of their own. */
    private MRecord viewHandlers;
    /** Set on a {@link #computed} table until its rows are computed. */
    private java.util.function.Supplier<List<Object[]>> computation;

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
        this.source = null;
        checkDistinct(columns);
    }

    private MTable(List<String> columns, List<MType> types, RowSource source) {
        this.columns = List.copyOf(columns);
        this.types = new ArrayList<>(types);
        this.source = source;
        checkDistinct(columns);
    }

    /** A table whose rows are produced by the source each time the table is enumerated. */
    public static MTable streamed(List<String> columns, List<MType> types, RowSource source) {
        if (types == null) {
            types = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                types.add(MType.ANY);
            }
        }
        return new MTable(columns, types, source);
    }

    /**
     * A table whose rows are computed once, when first enumerated or read by position (a sort that may never be
     * needed). The computed list becomes the table's rows, so reading them by position after enumerating them does not
     * copy them.
     */
    public static MTable computed(List<String> columns, List<MType> types, java.util.function.Supplier<List<Object[]>> rows) {
        MTable[] table = new MTable[1];
        table[0] = new MTable(columns, types, () -> new ListCursor(table[0].rows()));
        table[0].computation = rows;
        return table[0];
    }

    /** This Table.Sort result, remembering the unsorted table and the criteria. */
    public MTable sortedFrom(SortOrigin origin) {
        this.sortOrigin = origin;
        return this;
    }

    /** This table as a Table.View over the handlers; set last, as operations that copy a table drop it. */
    public MTable viewedThrough(MRecord handlers) {
        this.viewHandlers = handlers;
        return this;
    }

    /** The Table.View handlers of this table, or null when it is no view. */
    public MRecord viewHandlers() {
        return viewHandlers;
    }

    /** This Table.Combine result, remembering the tables it appends. */
    public MTable combinedFrom(List<MTable> parts) {
        this.combinedFrom = List.copyOf(parts);
        return this;
    }

    /**
     * How many of this table's rows come from each table it appends when it is a Table.Combine result, else null.
     * Each part's rows are kept in memory here, so this table's own enumeration afterwards reads them from there
     * instead of reading a streamed part's source again.
     */
    public int[] combinedPartSizes() {
        return combinedFrom == null ? null : combinedFrom.stream().mapToInt(MTable::rowCount).toArray();
    }

    /** The unsorted table and the criteria when this is a Table.Sort result, else null. */
    public SortOrigin sortOrigin() {
        return sortOrigin;
    }

    private static void checkDistinct(List<String> columns) {
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

    public List<TableKey> keys() {
        return keys;
    }

    /** The table's type: its columns, their types and its keys. */
    public MType type() {
        return MType.table(columns, types, keys);
    }

    /**
     * The same rows under new column names, types and keys, without reading them (Value.ReplaceType, Table.AddKey):
     * in-memory rows are shared, a streamed table shares its source.
     */
    public MTable retyped(List<String> newColumns, List<MType> newTypes, List<TableKey> newKeys) {
        if (newColumns.size() != columns.size()) {
            throw Errors.expression("The table type has " + newColumns.size() + " columns but the table has "
                    + columns.size() + ".");
        }
        MTable t = rows != null ? new MTable(newColumns, newTypes, rows) : new MTable(newColumns, newTypes, source);
        t.keys = TableKey.withOnePrimary(TableKey.surviving(newKeys, t.columns));
        return t;
    }

    public MTable withKeys(List<TableKey> newKeys) {
        if (newKeys.isEmpty() && keys.isEmpty()) {
            return this;
        }
        return retyped(columns, types, newKeys);
    }

    /**
     * This table with those keys of {@code source} whose columns it still has: what an operation that keeps columns
     * (filters, sorts, ranges, added columns) carries over. Costs nothing per row.
     */
    public MTable withKeysOf(MTable source) {
        if (source.keys.isEmpty() || source == this) {
            return this;
        }
        List<TableKey> kept = TableKey.surviving(source.keys, columns);
        return kept.isEmpty() ? this : withKeys(kept);
    }

    /** All rows in memory; a streamed table reads its source once here and keeps the rows from then on. */
    public List<Object[]> rows() {
        if (rows == null && computation != null) {
            rows = computation.get();
            computation = null;
        }
        if (rows == null) {
            List<Object[]> all = new ArrayList<>();
            try (RowCursor cursor = source.open()) {
                for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
                    all.add(row);
                }
            }
            rows = all;
        }
        return rows;
    }

    /** True while the rows are not in memory: enumerate them with {@link #cursor()} to keep it that way. */
    public boolean isStreamed() {
        return rows == null;
    }

    /** One enumeration of the rows, from memory or a fresh read of the source. Close it. */
    public RowCursor cursor() {
        return rows != null ? new ListCursor(rows) : source.open();
    }

    /** The row count with the rows in memory (loops over rows() call this each step). */
    public int rowCount() {
        return rows().size();
    }

    /** The row count without keeping the rows: Table.RowCount of a streamed table reads it through once. */
    public long countRows() {
        if (rows == null) {
            long n = 0;
            try (RowCursor cursor = source.open()) {
                while (cursor.next() != null) {
                    n++;
                }
            }
            return n;
        }
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
        return Thunk.force(rows().get(row)[column]);
    }

    /** A row as a record whose fields stay lazy. */
    public MRecord row(int i) {
        return MRecord.ofRow(columns, rows().get(i));
    }

    public MType rowType() {
        return MType.record(columns, types);
    }
}
