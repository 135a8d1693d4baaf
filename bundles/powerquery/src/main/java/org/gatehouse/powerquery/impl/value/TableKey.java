package org.gatehouse.powerquery.impl.value;

import java.util.ArrayList;
import java.util.List;

/**
 * A key of a table type: a set of column names, at most one of them primary. Keys mean nothing to M itself; they travel
 * with a table's type so sources and joins can use them. The library sees them as {@code [Columns = {...}, Primary =
 * true]} records.
 */
public record TableKey(List<String> columns, boolean primary) {

    public TableKey {
        columns = List.copyOf(columns);
    }

    public MRecord toRecord() {
        return MRecord.of("Columns", new MList(new ArrayList<Object>(columns)), "Primary", primary);
    }

    public static MList toList(List<TableKey> keys) {
        List<Object> records = new ArrayList<>();
        keys.forEach(k -> records.add(k.toRecord()));
        return new MList(records);
    }

    /** Keys from their library form, a list of {@code [Columns, Primary]} records, checked against the columns. */
    public static List<TableKey> fromList(MList list, List<String> tableColumns) {
        List<TableKey> keys = new ArrayList<>();
        for (Object item : list.values()) {
            MRecord r = Values.record(item);
            if (!r.has("Columns") || !r.has("Primary")) {
                throw Errors.expression("A table key is a record with the fields Columns and Primary.");
            }
            keys.add(of(Values.list(r.get("Columns")), Values.logical(r.get("Primary")), tableColumns));
        }
        return withOnePrimary(keys);
    }

    /** A key over the named columns, each of which must be a column of the table (when the columns are known). */
    public static TableKey of(MList columnNames, boolean primary, List<String> tableColumns) {
        List<String> names = new ArrayList<>();
        for (Object c : columnNames.values()) {
            String name = Values.text(c);
            if (tableColumns != null && !tableColumns.contains(name)) {
                throw Errors.expression("The column '" + name + "' of the table wasn't found.");
            }
            names.add(name);
        }
        return new TableKey(names, primary);
    }

    /** A table has at most one primary key. */
    public static List<TableKey> withOnePrimary(List<TableKey> keys) {
        if (keys.stream().filter(TableKey::primary).count() > 1) {
            throw Errors.expression("A table can have only one primary key.");
        }
        return List.copyOf(keys);
    }

    /** The keys whose columns all survive in {@code columns}: what a column-keeping table operation carries over. */
    public static List<TableKey> surviving(List<TableKey> keys, List<String> columns) {
        if (keys.isEmpty()) {
            return keys;
        }
        List<TableKey> kept = new ArrayList<>();
        for (TableKey k : keys) {
            if (columns.containsAll(k.columns())) {
                kept.add(k);
            }
        }
        return List.copyOf(kept);
    }
}
