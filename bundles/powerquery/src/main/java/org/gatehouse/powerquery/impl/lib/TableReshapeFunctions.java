package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gatehouse.powerquery.MException;
import org.gatehouse.powerquery.impl.value.*;

/** Table functions that reshape: unpivot, pivot, transpose, list expansion, error rows, buffering, row transforms. */
final class TableReshapeFunctions {

    private TableReshapeFunctions() {
    }

    static void register(Library lib) {
        // Buffering only changes when data is read, never the value: in an in-memory engine it is the identity.
        lib.fn("Table.Buffer", 1, 2, a -> DeferredSorts.fixed(Args.table(a, 0)));
        lib.fn("List.Buffer", 1, 1, a -> Args.list(a, 0));
        lib.fn("Table.AggregateTableColumn", 3, 3,
                a -> AggregateTableColumn.aggregate(Args.table(a, 0), Args.text(a, 1), Args.list(a, 2)));
        lib.fn("Table.Unpivot", 4, 4, a -> {
            MTable t = Args.table(a, 0);
            List<String> pivot = CoreFunctions.names(Args.v(a, 1));
            pivot.forEach(t::columnIndex);
            return unpivot(t, pivot, Args.text(a, 2), Args.text(a, 3));
        });
        lib.fn("Table.UnpivotOtherColumns", 4, 4, a -> {
            MTable t = Args.table(a, 0);
            List<String> keep = CoreFunctions.names(Args.v(a, 1));
            keep.forEach(t::columnIndex);
            List<String> pivot = new ArrayList<>(t.columns());
            pivot.removeAll(keep);
            return unpivot(t, pivot, Args.text(a, 2), Args.text(a, 3));
        });
        lib.fn("Table.Pivot", 4, 5, a -> {
            MTable t = Args.table(a, 0);
            List<String> newColumns = CoreFunctions.names(Args.v(a, 1));
            int attr = t.columnIndex(Args.text(a, 2)), val = t.columnIndex(Args.text(a, 3));
            MFunction aggregate = Args.v(a, 4) == null ? null : Args.function(a, 4);
            List<Integer> keys = new ArrayList<>();
            for (int c = 0; c < t.columns().size(); c++) {
                if (c != attr && c != val) {
                    keys.add(c);
                }
            }
            List<Object[]> groups = new ArrayList<>();
            List<List<List<Object>>> cells = new ArrayList<>();
            java.util.Map<GroupKey, Integer> groupOf = new java.util.HashMap<>();
            int[] keyColumns = keys.stream().mapToInt(Integer::intValue).toArray();
            for (int r = 0; r < t.rowCount(); r++) {
                Object[] in = t.rows().get(r);
                int g = groupOf.computeIfAbsent(new GroupKey(in, keyColumns), k -> groups.size());
                if (g == groups.size()) {
                    Object[] key = new Object[keys.size()];
                    for (int i = 0; i < key.length; i++) {
                        key[i] = t.cell(r, keys.get(i));
                    }
                    groups.add(key);
                    List<List<Object>> slots = new ArrayList<>();
                    newColumns.forEach(n -> slots.add(new ArrayList<>()));
                    cells.add(slots);
                }
                int target = newColumns.indexOf(Values.toText(t.cell(r, attr)));
                if (target >= 0) {
                    cells.get(g).get(target).add(t.cell(r, val));
                }
            }
            List<String> names = new ArrayList<>();
            keys.forEach(k -> names.add(t.columns().get(k)));
            names.addAll(newColumns);
            List<Object[]> rows = new ArrayList<>();
            for (int g : sortedGroups(groups)) {
                Object[] row = Arrays.copyOf(groups.get(g), names.size());
                for (int i = 0; i < newColumns.size(); i++) {
                    List<Object> values = cells.get(g).get(i);
                    if (aggregate != null) {
                        row[keys.size() + i] = aggregate.call(new MList(values));
                    } else if (values.size() > 1) {
                        row[keys.size() + i] = new Thunk(() -> {
                            throw Errors.expression("There were too many elements in the enumeration to complete the operation.");
                        });
                    } else {
                        row[keys.size() + i] = values.isEmpty() ? null : values.get(0);
                    }
                }
                rows.add(row);
            }
            return new MTable(names, null, rows);
        });
        lib.fn("Table.Transpose", 1, 2, a -> {
            MTable t = Args.table(a, 0);
            List<Object[]> rows = new ArrayList<>();
            for (int c = 0; c < t.columns().size(); c++) {
                Object[] row = new Object[t.rowCount()];
                for (int r = 0; r < row.length; r++) {
                    row[r] = t.rows().get(r)[c];
                }
                rows.add(row);
            }
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= t.rowCount(); i++) {
                names.add("Column" + i);
            }
            return new MTable(names, null, rows);
        });
        lib.fn("Table.ExpandListColumn", 2, 2, a -> {
            MTable t = Args.table(a, 0);
            int c = t.columnIndex(Args.text(a, 1));
            List<Object[]> rows = new ArrayList<>();
            for (Object[] row : t.rows()) {
                Object v = Thunk.force(row[c]);
                // a nested table expands to its rows as records
                List<Object> items = v == null ? Arrays.asList((Object) null)
                        : v instanceof MTable nested ? TableFunctions.rowRecords(nested) : Values.list(v).slots();
                if (items.isEmpty()) {
                    items = Arrays.asList((Object) null);
                }
                for (Object item : items) {
                    Object[] out = row.clone();
                    out[c] = item;
                    rows.add(out);
                }
            }
            return new MTable(t.columns(), null, rows);
        });
        lib.fn("Table.RemoveRowsWithErrors", 1, 2, a -> {
            MTable t = Args.table(a, 0);
            List<String> cols = Args.v(a, 1) == null ? t.columns() : CoreFunctions.names(Args.v(a, 1));
            List<Object[]> rows = new ArrayList<>();
            for (Object[] row : t.rows()) {
                if (cols.stream().noneMatch(n -> fails(row[t.columnIndex(n)]))) {
                    rows.add(row);
                }
            }
            return new MTable(t.columns(), t.types(), rows).withKeysOf(t);
        });
        lib.fn("Table.SelectRowsWithErrors", 1, 2, a -> {
            MTable t = Args.table(a, 0);
            List<String> cols = Args.v(a, 1) == null ? t.columns() : CoreFunctions.names(Args.v(a, 1));
            List<Object[]> rows = new ArrayList<>();
            for (Object[] row : t.rows()) {
                if (cols.stream().anyMatch(n -> fails(row[t.columnIndex(n)]))) {
                    rows.add(row);
                }
            }
            return new MTable(t.columns(), t.types(), rows).withKeysOf(t);
        });
        lib.fn("Table.ReplaceErrorValues", 2, 2, a -> {
            MTable t = Args.table(a, 0);
            List<MList> pairs = TableShapeFunctions.pairs(Args.list(a, 1));
            List<Object[]> rows = new ArrayList<>();
            for (Object[] row : t.rows()) {
                Object[] out = row.clone();
                for (MList p : pairs) {
                    int c = t.columnIndex(Values.text(p.get(0)));
                    if (fails(row[c])) {
                        out[c] = p.get(1);
                    }
                }
                rows.add(out);
            }
            return new MTable(t.columns(), t.types(), rows).withKeysOf(t);
        });
        lib.fn("Table.TransformRows", 2, 2, a -> {
            MTable t = Args.table(a, 0);
            MFunction f = Args.function(a, 1);
            List<Object> out = new ArrayList<>();
            for (int r = 0; r < t.rowCount(); r++) {
                MRecord row = t.row(r);
                out.add(new Thunk(() -> f.call(row)));
            }
            return new MList(out);
        });
        lib.fn("Table.TransformColumnNames", 2, 3, a -> {
            MTable t = Args.table(a, 0);
            MFunction f = Args.function(a, 1);
            MRecord options = Args.recordOrEmpty(a, 2);
            Object maxLength = Values.strip(Args.option(options, "MaxLength"));
            Object comparer = Values.strip(Args.option(options, "Comparer"));
            int max = maxLength == null ? Integer.MAX_VALUE : (int) Values.number(maxLength);
            List<String> names = new ArrayList<>();
            for (String n : t.columns()) {
                String name = Values.text(f.call(n));
                name = name.length() > max ? name.substring(0, max) : name;
                // with options, a name equal (under the comparer) to an earlier one gets a number, within MaxLength
                if (!options.names().isEmpty()) {
                    String base = name;
                    for (int k = 1; taken(names, name, comparer); k++) {
                        String suffix = String.valueOf(k);
                        name = base.substring(0, Math.min(base.length(), Math.max(0, max - suffix.length()))) + suffix;
                    }
                }
                names.add(name);
            }
            return RowStreams.renamed(t, names);
        });
        lib.fn("Table.Max", 2, 3, a -> extremeRow(Args.table(a, 0), Args.text(a, 1), Args.v(a, 2), 1));
        lib.fn("Table.Min", 2, 3, a -> extremeRow(Args.table(a, 0), Args.text(a, 1), Args.v(a, 2), -1));
        lib.fn("Table.ReverseRows", 1, 1, a -> {
            MTable t = Args.table(a, 0);
            List<Object[]> rows = new ArrayList<>(t.rows());
            java.util.Collections.reverse(rows);
            return new MTable(t.columns(), t.types(), rows).withKeysOf(t);
        });
        lib.fn("Table.RemoveLastN", 1, 2, a -> {
            MTable t = Args.table(a, 0);
            int n = ListMoreFunctions.countOrCondition(new MList(TableFunctions.rowRecords(t)), Args.v(a, 1), true, 1);
            return new MTable(t.columns(), t.types(), new ArrayList<>(t.rows().subList(0, t.rowCount() - n))).withKeysOf(t);
        });
    }

    private static boolean taken(List<String> names, String name, Object comparer) {
        return names.stream().anyMatch(n -> Criteria.equal(comparer, n, name));
    }

    private static Object extremeRow(MTable t, String column, Object fallback, int sign) {
        int c = t.columnIndex(column);
        int best = -1;
        for (int r = 0; r < t.rowCount(); r++) {
            Object v = t.cell(r, c);
            if (v != null && (best < 0 || sign * Values.compare(v, t.cell(best, c)) > 0)) {
                best = r;
            }
        }
        return best < 0 ? fallback : t.row(best);
    }

    private static boolean fails(Object slot) {
        try {
            Thunk.force(slot);
            return false;
        } catch (MException e) {
            return true;
        }
    }

    /**
     * The pivoted rows' order: Power Query's pivot comes out sorted by the remaining columns (left to right), not in
     * the order the groups first appear. Values of different kinds, which M cannot compare, order by kind.
     */
    private static List<Integer> sortedGroups(List<Object[]> groups) {
        List<Integer> order = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            order.add(g);
        }
        order.sort((x, y) -> {
            Object[] a = groups.get(x), b = groups.get(y);
            for (int i = 0; i < a.length; i++) {
                int c = compareAnyKind(a[i], b[i]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        return order;
    }

    private static int compareAnyKind(Object a, Object b) {
        try {
            return Values.compare(a, b);
        } catch (org.gatehouse.powerquery.MException e) {
            return Values.kind(Values.strip(a)).compareTo(Values.kind(Values.strip(b)));
        }
    }

    /** One output row per input row and pivoted column whose value is not null, as Power Query does. */
    private static MTable unpivot(MTable t, List<String> pivot, String attribute, String value) {
        List<Integer> keep = new ArrayList<>(), piv = new ArrayList<>();
        for (int c = 0; c < t.columns().size(); c++) {
            (pivot.contains(t.columns().get(c)) ? piv : keep).add(c);
        }
        List<String> names = new ArrayList<>();
        keep.forEach(c -> names.add(t.columns().get(c)));
        names.add(attribute);
        names.add(value);
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            for (int p : piv) {
                Object v = t.cell(r, p);
                if (v == null) {
                    continue;
                }
                Object[] row = new Object[names.size()];
                for (int i = 0; i < keep.size(); i++) {
                    row[i] = t.rows().get(r)[keep.get(i)];
                }
                row[keep.size()] = t.columns().get(p);
                row[keep.size() + 1] = v;
                rows.add(row);
            }
        }
        return new MTable(names, null, rows);
    }
}
