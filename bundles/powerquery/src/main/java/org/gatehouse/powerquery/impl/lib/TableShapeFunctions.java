package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gatehouse.powerquery.impl.value.*;

/** Table functions that change columns: names, order, types, added, removed, transformed, split. */
final class TableShapeFunctions {

    private TableShapeFunctions() {
    }

    static void register(Library lib) {
        lib.fn("Table.PromoteHeaders", 1, 2, a -> {
            MTable t = Args.table(a, 0);
            Object[] header = RowStreams.first(t);
            if (header == null) {
                return t;
            }
            List<String> names = new ArrayList<>();
            // PromoteAllScalars: dates, times, logicals... become names too, as Text.From writes them
            boolean allScalars = Boolean.TRUE.equals(Values.strip(Args.option(Args.recordOrEmpty(a, 1), "PromoteAllScalars")));
            CultureConvert culture = CultureConvert.ofArgument(Args.v(a, 1)); // the options' Culture, if any
            int[] renamed = {0};
            for (int c = 0; c < t.columns().size(); c++) {
                Object v = Thunk.force(header[c]);
                // only texts (even "", as a CSV's blank header cell is) and numbers become names; other headers
                // (dates, nulls) name the column by its position, whatever it was called before
                boolean scalar = v != null && !(v instanceof MList || v instanceof MRecord || v instanceof MTable
                        || v instanceof MFunction || v instanceof MType || v instanceof String || v instanceof Number);
                String n = v instanceof String || v instanceof Number ? Values.toText(v)
                        : allScalars && scalar ? culture.text(v) : "Column" + (c + 1);
                names.add(uniqueName(names, n, renamed));
            }
            List<MType> types = new ArrayList<>();
            names.forEach(n -> types.add(MType.ANY));
            return RowStreams.range(t, names, types, 1, Long.MAX_VALUE);
        });
        lib.fn("Table.DemoteHeaders", 1, 1, a -> {
            MTable t = Args.table(a, 0);
            List<Object[]> rows = new ArrayList<>();
            rows.add(t.columns().toArray());
            rows.addAll(t.rows());
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= t.columns().size(); i++) {
                names.add("Column" + i);
            }
            return new MTable(names, null, rows);
        });
        lib.fn("Table.TransformColumnTypes", 2, 3, a -> {
            MTable t = Args.table(a, 0);
            // the third argument is a culture name or [Culture = ..., MissingField = ...]
            Object options = Args.v(a, 2);
            int missingField = options instanceof MRecord r && Args.option(r, "MissingField") != null
                    ? (int) Values.number(Args.option(r, "MissingField")) : 0; // MissingField.Error, Ignore, UseNull
            List<MList> pairs = pairs(Args.list(a, 1));
            if (missingField == 2) {
                t = withNullColumns(t, absentColumns(t, pairs));
            }
            List<MType> types = new ArrayList<>(t.types());
            List<Integer> columns = new ArrayList<>();
            List<MType> targets = new ArrayList<>();
            for (MList pair : pairs) {
                String name = Values.text(pair.get(0));
                if (missingField == 1 && !t.columns().contains(name)) {
                    continue;
                }
                int c = t.columnIndex(name);
                MType type = Values.type(pair.get(1));
                types.set(c, type);
                columns.add(c);
                targets.add(type);
            }
            MType[] targetOf = new MType[t.columns().size()];
            for (int i = 0; i < columns.size(); i++) {
                if (targetOf[columns.get(i)] == null) {
                    targetOf[columns.get(i)] = targets.get(i); // a column named twice converts by its first entry
                }
            }
            CultureConvert culture = CultureConvert.ofArgument(options); // resolved once, not per cell
            return convertCells(t, types, columns, targetOf, culture.isDefault() ? Convert::to : culture::to);
        });
        lib.fn("Table.TransformColumns", 2, 4, a -> {
            MTable t = Args.table(a, 0);
            int missingField = Args.integerOr(a, 3, 0); // MissingField.Error, Ignore, UseNull
            List<MList> ops = pairs(Args.list(a, 1));
            if (missingField == 2) {
                t = withNullColumns(t, absentColumns(t, ops));
            }
            List<MType> types = new ArrayList<>(t.types());
            List<Integer> columns = new ArrayList<>();
            List<MFunction> functions = new ArrayList<>();
            for (MList op : ops) {
                int c = t.columns().indexOf(Values.text(op.get(0)));
                if (c < 0) {
                    if (missingField != 0) {
                        continue;
                    }
                    t.columnIndex(Values.text(op.get(0)));
                }
                if (missingField == 2 && c >= Args.table(a, 0).columns().size()) {
                    continue; // an added column stays null
                }
                columns.add(c);
                functions.add(Values.function(op.get(1)));
                types.set(c, op.size() > 2 ? Values.type(op.get(2)) : MType.ANY);
            }
            if (Args.v(a, 2) instanceof MFunction other) {
                // the default transformation applies to every column the list does not name
                for (int c = 0; c < Args.table(a, 0).columns().size(); c++) {
                    if (!columns.contains(c)) {
                        columns.add(c);
                        functions.add(other);
                        types.set(c, MType.ANY);
                    }
                }
            }
            return mapCells(t, t.columns(), types, columns, (c, v) -> functions.get(columns.indexOf(c)).call(v));
        });
        lib.fn("Table.RenameColumns", 2, 3, a -> {
            MTable t = Args.table(a, 0);
            List<String> names = new ArrayList<>(t.columns());
            for (MList pair : pairs(Args.list(a, 1))) {
                String from = Values.text(pair.get(0));
                // the pairs rename at once: {{"Subtype", "genotype"}, {"genotype", "subtype"}} swaps two names (a
                // ru-RU workbook's cached table), so each old name is found among the table's own columns
                int c = t.columns().indexOf(from);
                if (c < 0) {
                    if (Args.v(a, 2) != null) {
                        continue;
                    }
                    throw Errors.expression("The column '" + from + "' of the table wasn't found.");
                }
                names.set(c, Values.text(pair.get(1)));
            }
            return RowStreams.renamed(t, names);
        });
        lib.fn("Table.ReorderColumns", 2, 3, a -> {
            MTable t = Args.table(a, 0);
            List<String> order = new ArrayList<>(CoreFunctions.names(Args.v(a, 1)));
            if (Args.integerOr(a, 2, 0) != 0) {
                order.removeIf(n -> !t.columns().contains(n)); // MissingField.Ignore/UseNull skip absent names
            }
            // the listed columns take, in the given order, the positions the listed columns occupied
            List<Integer> positions = new ArrayList<>();
            for (String n : order) {
                positions.add(t.columnIndex(n));
            }
            List<Integer> sorted = new ArrayList<>(positions);
            sorted.sort(null);
            int[] from = new int[t.columns().size()];
            for (int i = 0; i < from.length; i++) {
                from[i] = i;
            }
            for (int i = 0; i < sorted.size(); i++) {
                from[sorted.get(i)] = positions.get(i);
            }
            return select(t, from);
        });
        lib.fn("Table.SelectColumns", 2, 3, a -> {
            MTable t = Args.table(a, 0);
            List<String> names = CoreFunctions.names(Args.v(a, 1));
            int missingField = Args.integerOr(a, 2, 0); // MissingField.Error, Ignore, UseNull
            if (missingField == 2) {
                MTable source = t;
                t = withNullColumns(t, names.stream().filter(n -> !source.columns().contains(n)).distinct().toList());
            }
            List<Integer> idx = new ArrayList<>();
            for (String n : names) {
                int c = t.columns().indexOf(n);
                if (c >= 0 || missingField == 0) {
                    idx.add(t.columnIndex(n));
                }
            }
            return select(t, idx.stream().mapToInt(Integer::intValue).toArray());
        });
        lib.fn("Table.RemoveColumns", 2, 3, a -> {
            MTable t = Args.table(a, 0);
            List<String> drop = CoreFunctions.names(Args.v(a, 1));
            if (Args.v(a, 2) == null) {
                drop.forEach(t::columnIndex);
            }
            List<Integer> idx = new ArrayList<>();
            for (int c = 0; c < t.columns().size(); c++) {
                if (!drop.contains(t.columns().get(c))) {
                    idx.add(c);
                }
            }
            return select(t, idx.stream().mapToInt(Integer::intValue).toArray());
        });
        lib.fn("Table.AddColumn", 3, 4, a -> {
            MTable t = Args.table(a, 0);
            String name = Args.text(a, 1);
            MFunction f = Args.function(a, 2);
            if (t.columns().contains(name)) {
                throw Errors.expression("The field '" + name + "' already exists in the record.");
            }
            List<String> names = new ArrayList<>(t.columns());
            names.add(name);
            List<MType> types = new ArrayList<>(t.types());
            types.add(Args.v(a, 3) == null ? MType.ANY : Values.type(Args.v(a, 3)));
            int last = names.size() - 1;
            List<String> inputNames = t.columns();
            return RowStreams.map(t, names, types, in -> {
                Object[] row = Arrays.copyOf(in, last + 1);
                // computed with the row rather than kept as a thunk: a thunk per row, holding the input row until a
                // later step (a Group's aggregate) reads it, doubled what a grouped refresh keeps alive. An error
                // still only fails its cell, as in M.
                try {
                    row[last] = f.call(MRecord.ofRow(inputNames, in));
                } catch (org.gatehouse.powerquery.MException e) {
                    row[last] = Thunk.failed(e);
                }
                return row;
            });
        });
        lib.fn("Table.DuplicateColumn", 3, 4, a -> {
            MTable t = Args.table(a, 0);
            int c = t.columnIndex(Args.text(a, 1));
            List<String> names = new ArrayList<>(t.columns());
            names.add(Args.text(a, 2));
            List<MType> types = new ArrayList<>(t.types());
            types.add(t.types().get(c));
            List<Object[]> rows = new ArrayList<>();
            for (Object[] row : t.rows()) {
                Object[] out = Arrays.copyOf(row, names.size());
                out[names.size() - 1] = row[c];
                rows.add(out);
            }
            return new MTable(names, types, rows).withKeysOf(t);
        });
        lib.fn("Table.SplitColumn", 3, 6, a -> {
            MTable t = Args.table(a, 0);
            int c = t.columnIndex(Args.text(a, 1));
            MFunction splitter = Args.function(a, 2);
            Object spec = Args.v(a, 3);
            List<String> newNames = new ArrayList<>();
            List<MList> parts = new ArrayList<>();
            for (int r = 0; r < t.rowCount(); r++) {
                Object v = t.cell(r, c);
                parts.add(v == null ? MList.of() : Values.list(splitter.call(v)));
            }
            if (spec instanceof MList l) {
                newNames.addAll(CoreFunctions.names(l));
            } else {
                int n = spec == null ? parts.stream().mapToInt(MList::size).max().orElse(1) : (int) Values.number(spec);
                for (int i = 1; i <= n; i++) {
                    newNames.add(t.columns().get(c) + "." + i);
                }
            }
            // ExtraValues.List (0), Error (1); without the argument (or Ignore, 2) extra parts are dropped
            int extraValues = Args.integerOr(a, 5, 2);
            List<String> names = new ArrayList<>(t.columns().subList(0, c));
            names.addAll(newNames);
            names.addAll(t.columns().subList(c + 1, t.columns().size()));
            List<Object[]> rows = new ArrayList<>();
            for (int r = 0; r < t.rowCount(); r++) {
                Object[] old = t.rows().get(r);
                Object[] row = new Object[names.size()];
                System.arraycopy(old, 0, row, 0, c);
                for (int i = 0; i < newNames.size(); i++) {
                    row[c + i] = i < parts.get(r).size() ? parts.get(r).slot(i) : Args.v(a, 4); // the default fills missing parts
                }
                int width = newNames.size(), count = parts.get(r).size();
                if (extraValues == 0 && width > 0) {
                    // ExtraValues.List: the last new column holds the remaining parts as a list
                    List<Object> rest = count >= width ? parts.get(r).slots().subList(width - 1, count) : List.of();
                    row[c + width - 1] = count >= width ? new MList(new ArrayList<>(rest)) : row[c + width - 1];
                } else if (extraValues == 1 && count > width) {
                    // ExtraValues.Error: a row with more parts than columns fails in its new cells
                    org.gatehouse.powerquery.MException error = Errors.expression("There were more parts (" + count + ") than columns (" + width + ").");
                    for (int i = 0; i < width; i++) {
                        row[c + i] = Thunk.failed(error);
                    }
                }
                System.arraycopy(old, c + 1, row, c + newNames.size(), old.length - c - 1);
                rows.add(row);
            }
            return new MTable(names, null, rows);
        });
    }

    /** Accepts both {@code {"A", x}} and {@code {{"A", x}, {"B", y}}}. */
    static List<MList> pairs(MList list) {
        List<MList> out = new ArrayList<>();
        if (list.size() > 0 && !(list.get(0) instanceof MList)) {
            out.add(list);
            return out;
        }
        for (Object o : list.values()) {
            out.add(Values.list(o));
        }
        return out;
    }

    interface CellMapper {
        Object apply(int column, Object value);
    }

    /** Maps the given columns cell by cell, lazily so that one bad cell is one error cell. */
    static MTable mapCells(MTable t, List<String> names, List<MType> types, List<Integer> columns, CellMapper f) {
        int[] mapped = columns.stream().mapToInt(Integer::intValue).toArray();
        return RowStreams.map(t, names, types, row -> {
            Object[] out = row.clone();
            for (int c : mapped) {
                Object slot = row[c];
                out[c] = new Thunk(() -> f.apply(c, Thunk.force(slot)));
            }
            return out;
        });
    }

    /**
     * Converts cells to their column's new type. Unlike {@link #mapCells} this converts at once: a conversion is cheap
     * and has no effects, and a thunk per cell was a large part of a typed refresh's cost. A failing conversion still
     * only fails its cell.
     */
    /** MissingField.UseNull: the listed columns the table lacks, which are added holding nulls. */
    private static List<String> absentColumns(MTable t, List<MList> pairs) {
        List<String> absent = new ArrayList<>();
        for (MList pair : pairs) {
            String n = Values.text(pair.get(0));
            if (!t.columns().contains(n) && !absent.contains(n)) {
                absent.add(n);
            }
        }
        return absent;
    }

    static MTable convertCells(MTable t, List<MType> types, List<Integer> columns, MType[] targetOf,
            java.util.function.BiFunction<Object, MType, Object> convert) {
        int[] converted = columns.stream().mapToInt(Integer::intValue).distinct().toArray();
        return RowStreams.map(t, t.columns(), types, row -> {
            Object[] out = row.clone();
            for (int c : converted) {
                try {
                    out[c] = convert.apply(Thunk.force(row[c]), targetOf[c]);
                } catch (org.gatehouse.powerquery.MException e) {
                    out[c] = Thunk.failed(e);
                }
            }
            return out;
        });
    }

    /** The table with the given columns appended, all null (MissingField.UseNull). */
    static MTable withNullColumns(MTable t, List<String> absent) {
        if (absent.isEmpty()) {
            return t;
        }
        List<String> names = new ArrayList<>(t.columns());
        names.addAll(absent);
        List<MType> types = new ArrayList<>(t.types());
        absent.forEach(n -> types.add(MType.ANY));
        return RowStreams.map(t, names, types, row -> Arrays.copyOf(row, names.size()));
    }

    static MTable select(MTable t, int[] idx) {
        List<String> names = new ArrayList<>();
        List<MType> types = new ArrayList<>();
        for (int c : idx) {
            names.add(t.columns().get(c));
            types.add(t.types().get(c));
        }
        return RowStreams.map(t, names, types, row -> {
            Object[] out = new Object[idx.length];
            for (int i = 0; i < idx.length; i++) {
                out[i] = row[idx[i]];
            }
            return out;
        });
    }

    /**
     * A promoted name made unique as Power Query does: a repeated name takes the suffix "_N", where N counts the
     * repeats of the whole header row so far, not of that name ({"a", "b", "a", "b"} becomes a, b, a_1, b_2). Evidence:
     * a shipment workbook whose query names its promoted columns "First Class_1", "Same Day_2", ... "Standard
     * Class_8" for three repeated groups of four names. {@code renamed} holds the row's count.
     */
    static String uniqueName(List<String> taken, String name, int[] renamed) {
        if (!taken.contains(name)) {
            return name;
        }
        String unique;
        do {
            unique = name + "_" + ++renamed[0];
        } while (taken.contains(unique));
        return unique;
    }
}
