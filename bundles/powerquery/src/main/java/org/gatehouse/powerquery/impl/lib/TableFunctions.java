package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.gatehouse.powerquery.MException;
import org.gatehouse.powerquery.impl.eval.GroupAggregates;
import org.gatehouse.powerquery.impl.eval.Tables;
import org.gatehouse.powerquery.impl.value.*;

/** Table functions over rows: construction, filtering, ordering, grouping, joining, replacing. */
final class TableFunctions {

    private TableFunctions() {
    }

    static void register(Library lib) {
        lib.fn("Table.FromRows", 1, 2, a -> {
            List<Object[]> rows = new ArrayList<>();
            int width = 0;
            for (Object r : Args.list(a, 0).values()) {
                Object[] row = Values.list(r).slots().toArray();
                width = Math.max(width, row.length);
                rows.add(row);
            }
            Object spec = Args.v(a, 1);
            List<String> names = new ArrayList<>();
            List<MType> types = null;
            if (spec instanceof MType t) {
                names.addAll(t.fieldNames());
                types = new ArrayList<>(t.fieldTypes());
            } else if (spec instanceof MList l) {
                names.addAll(CoreFunctions.names(l));
            } else {
                for (int i = 1; i <= width; i++) {
                    names.add("Column" + i);
                }
            }
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).length != names.size()) {
                    throw Errors.expression("The row " + i + " has " + rows.get(i).length + " values, expected " + names.size() + ".");
                }
            }
            MTable table = new MTable(names, types, rows);
            return spec instanceof MType t ? table.withKeys(t.keys()) : table;
        });
        lib.fn("Table.FromRecords", 1, 3, a -> {
            List<Object> records = Args.list(a, 0).values();
            List<String> names = new ArrayList<>();
            Object spec = Args.v(a, 1);
            if (spec instanceof MType t) {
                names.addAll(t.fieldNames());
            } else if (spec instanceof MList l) {
                names.addAll(CoreFunctions.names(l));
            } else if (!records.isEmpty()) {
                names.addAll(Values.record(records.get(0)).names());
            }
            List<Object[]> rows = new ArrayList<>();
            for (Object o : records) {
                MRecord r = Values.record(o);
                Object[] row = new Object[names.size()];
                for (int i = 0; i < row.length; i++) {
                    int at = r.indexOf(names.get(i));
                    if (at < 0 && Args.v(a, 2) == null) {
                        throw Errors.expression("The field '" + names.get(i) + "' of the record wasn't found.");
                    }
                    row[i] = at < 0 ? null : r.slot(at);
                }
                rows.add(row);
            }
            return spec instanceof MType t ? new MTable(names, t.fieldTypes(), rows).withKeys(t.keys())
                    : new MTable(names, null, rows);
        });
        lib.fn("Table.FromList", 1, 5, a -> {
            List<Object[]> rows = new ArrayList<>();
            MFunction splitter = Args.v(a, 1) == null ? null : Args.function(a, 1);
            int width = 1;
            for (Object v : Args.list(a, 0).values()) {
                // without a splitter a list item is a row and a text is split at commas, as M's default splitter does
                Object[] row = splitter == null ? (v instanceof MList l ? l.slots().toArray()
                        : v instanceof String s ? TextFunctions.split(s, ",").toArray() : new Object[] {v})
                        : Values.list(splitter.call(v)).slots().toArray();
                width = Math.max(width, row.length);
                rows.add(row);
            }
            List<String> names = new ArrayList<>();
            List<MType> types = null;
            if (Args.v(a, 2) instanceof MList l) {
                names.addAll(CoreFunctions.names(l));
            } else if (Args.v(a, 2) instanceof MType t) {
                // the reference: "columns may be the number of columns, a list of columns or a TableType"
                names.addAll(t.fieldNames());
                types = new ArrayList<>(t.fieldTypes());
            } else {
                int n = Args.v(a, 2) == null ? width : Args.integer(a, 2);
                for (int i = 1; i <= n; i++) {
                    names.add("Column" + i);
                }
            }
            // the reference's default (the value of a missing part) and extraValues (ExtraValues.List: the parts beyond
            // the columns gathered in the last column as a list; ExtraValues.Error: such a row's cells fail; without
            // it or with ExtraValues.Ignore they are dropped)
            Object missing = Args.v(a, 3);
            int extraValues = Args.integerOr(a, 4, 2);
            int columnCount = names.size();
            List<Object[]> sized = new ArrayList<>();
            for (Object[] r : rows) {
                Object[] row = new Object[columnCount];
                for (int i = 0; i < columnCount; i++) {
                    row[i] = i < r.length ? r[i] : missing;
                }
                if (r.length > columnCount && columnCount > 0 && extraValues == 0) {
                    row[columnCount - 1] = new MList(new ArrayList<>(Arrays.asList(r).subList(columnCount - 1, r.length)));
                } else if (r.length > columnCount && extraValues == 1) {
                    org.gatehouse.powerquery.MException error = Errors.expression(
                            "There were more parts (" + r.length + ") than columns (" + columnCount + ").");
                    Arrays.fill(row, Thunk.failed(error));
                }
                sized.add(row);
            }
            MTable table = new MTable(names, types, sized);
            return Args.v(a, 2) instanceof MType t ? table.withKeys(t.keys()) : table;
        });
        lib.fn("Table.ToRows", 1, 1, a -> {
            List<Object> out = new ArrayList<>();
            for (Object[] row : Args.table(a, 0).rows()) {
                out.add(new MList(Arrays.asList(row)));
            }
            return new MList(out);
        });
        lib.fn("Table.ToRecords", 1, 1, a -> {
            MTable t = Args.table(a, 0);
            List<Object> out = new ArrayList<>();
            for (int r = 0; r < t.rowCount(); r++) {
                out.add(t.row(r));
            }
            return new MList(out);
        });
        lib.fn("Table.Column", 2, 2, a -> org.gatehouse.powerquery.impl.eval.Access.field(Args.table(a, 0), Args.text(a, 1), false));
        lib.fn("Table.ColumnNames", 1, 1, a -> new MList(Args.table(a, 0).columns()));
        lib.fn("Table.ColumnCount", 1, 1, a -> (double) Args.table(a, 0).columns().size());
        lib.fn("Table.RowCount", 1, 1, a -> (double) Args.table(a, 0).countRows());
        lib.fn("Table.IsEmpty", 1, 1, a -> RowStreams.first(Args.table(a, 0)) == null);
        lib.fn("Table.HasColumns", 2, 2, a -> Args.table(a, 0).columns().containsAll(CoreFunctions.names(Args.v(a, 1))));
        lib.fn("Table.First", 1, 2, a -> {
            MTable t = Args.table(a, 0);
            Object[] first = RowStreams.first(t);
            return first == null ? Args.v(a, 1) : new MRecord(t.columns(), Arrays.asList(first));
        });
        lib.fn("Table.Last", 1, 2, a -> {
            MTable t = Args.table(a, 0);
            return t.rowCount() == 0 ? Args.v(a, 1) : t.row(t.rowCount() - 1);
        });
        lib.fn("Table.FirstValue", 1, 2, a -> {
            MTable t = Args.table(a, 0);
            return t.rowCount() == 0 || t.columns().isEmpty() ? Args.v(a, 1) : t.cell(0, 0);
        });
        lib.fn("Table.FirstN", 2, 2, a -> {
            MTable t = Args.table(a, 0);
            if (Args.v(a, 1) instanceof MFunction f) {
                int n = 0;
                while (n < t.rowCount() && Values.logical(f.call(t.row(n)))) {
                    n++;
                }
                return rows(t, t.rows().subList(0, n));
            }
            return RowStreams.range(t, t.columns(), t.types(), 0, Math.max(0, Args.integer(a, 1)));
        });
        lib.fn("Table.LastN", 2, 2, a -> {
            MTable t = Args.table(a, 0);
            int n = ListMoreFunctions.countOrCondition(new MList(rowRecords(t)), Args.v(a, 1), true, 1);
            return rows(t, t.rows().subList(t.rowCount() - n, t.rowCount()));
        });
        lib.fn("Table.Skip", 1, 2, a -> {
            MTable t = Args.table(a, 0);
            if (Args.v(a, 1) instanceof MFunction f) {
                int n = t.rowCount();
                int s = 0;
                while (s < n && Values.logical(f.call(t.row(s)))) {
                    s++;
                }
                return rows(t, t.rows().subList(s, n));
            }
            return RowStreams.range(t, t.columns(), t.types(), Math.max(0, Args.integerOr(a, 1, 1)), Long.MAX_VALUE);
        });
        lib.value("Table.RemoveFirstN", lib.globals().get("Table.Skip"));
        lib.fn("Table.Range", 2, 3, a -> {
            MTable t = Args.table(a, 0);
            int from = Math.min(t.rowCount(), Args.integer(a, 1));
            int to = Args.v(a, 2) == null ? t.rowCount() : Math.min(t.rowCount(), from + Args.integer(a, 2));
            return rows(t, t.rows().subList(from, to));
        });
        lib.fn("Table.SelectRows", 2, 2, a -> {
            MTable t = Args.table(a, 0);
            MFunction f = Args.function(a, 1);
            List<String> names = t.columns();
            return RowStreams.filter(t, row -> {
                try {
                    return Boolean.TRUE.equals(Values.strip(f.call(MRecord.ofRow(names, row))));
                } catch (MException e) {
                    if (isErrorOfACell(e, row)) {
                        return false;
                    }
                    throw e;
                }
            });
        });
        lib.fn("Table.Distinct", 1, 2, a -> {
            MTable t = Args.table(a, 0);
            Object criteria = Values.strip(Args.v(a, 1));
            List<TableEquationCriteria.Column> columns = criteria == null ? null : TableEquationCriteria.columns(criteria);
            if (criteria != null && columns == null) {
                return DistinctRows.byFunction(t, Values.function(criteria));
            }
            if (columns != null && columns.stream().anyMatch(c -> c.comparer() != null)) {
                return DistinctRows.byColumns(t, columns);
            }
            List<String> keys = columns == null ? t.columns() : columns.stream().map(TableEquationCriteria.Column::name).toList();
            int[] idx = keys.stream().mapToInt(t::columnIndex).toArray();
            java.util.Set<GroupKey> seen = new java.util.HashSet<>();
            List<Object[]> out = new ArrayList<>();
            for (Object[] row : t.rows()) {
                if (seen.add(new GroupKey(row, idx))) {
                    out.add(row);
                }
            }
            return rows(t, out);
        });
        lib.fn("Table.Combine", 1, 2, a -> {
            List<MTable> tables = new ArrayList<>();
            for (Object o : Args.list(a, 0).values()) {
                tables.add(Values.table(o));
            }
            MTable combined = Tables.combine(tables).combinedFrom(tables);
            Object spec = Args.v(a, 1);
            if (spec == null) {
                return combined;
            }
            // the columns argument (a table type or a list of names) fixes the result's columns, absent ones null
            List<String> names = spec instanceof MType ty ? ty.fieldNames() : CoreFunctions.names(spec);
            MTable padded = TableShapeFunctions.withNullColumns(combined,
                    names.stream().filter(n -> !combined.columns().contains(n)).distinct().toList());
            return TableShapeFunctions.select(padded, names.stream().mapToInt(padded::columnIndex).toArray())
                    .combinedFrom(tables);
        });
        lib.fn("Table.Sort", 2, 2, a -> {
            return DeferredSorts.sort(Args.table(a, 0), Args.v(a, 1));
        });
        lib.fn("Table.ReplaceValue", 5, 5, a -> {
            MTable t = Args.table(a, 0);
            Object oldValue = Args.v(a, 1), newValue = Args.v(a, 2);
            MFunction replacer = Args.function(a, 3);
            List<Integer> columns = CoreFunctions.names(Args.v(a, 4)).stream().map(t::columnIndex).toList();
            if (oldValue instanceof MFunction || newValue instanceof MFunction) {
                // a function old/new value is evaluated against each row (each [Country] = "US")
                List<String> names = t.columns();
                return RowStreams.map(t, names, t.types(), row -> {
                    MRecord record = MRecord.ofRow(names, row);
                    Object[] out = row.clone();
                    for (int c : columns) {
                        Object slot = row[c];
                        out[c] = new Thunk(() -> {
                            Object from = oldValue instanceof MFunction f ? f.call(record) : oldValue;
                            Object to = newValue instanceof MFunction f ? f.call(record) : newValue;
                            return replaceCell(replacer, Thunk.force(slot), from, to);
                        });
                    }
                    return out;
                });
            }
            return TableShapeFunctions.mapCells(t, t.columns(), t.types(), columns,
                    (c, v) -> replaceCell(replacer, v, oldValue, newValue));
        });
        lib.fn("Table.AddIndexColumn", 2, 5, a -> {
            MTable t = Args.table(a, 0);
            double start = Args.v(a, 2) == null ? 0 : Args.number(a, 2), step = Args.v(a, 3) == null ? 1 : Args.number(a, 3);
            List<String> names = new ArrayList<>(t.columns());
            names.add(Args.text(a, 1));
            List<MType> types = new ArrayList<>(t.types());
            types.add(MType.facet("number", "Int64"));
            List<Object[]> out = new ArrayList<>();
            for (int r = 0; r < t.rowCount(); r++) {
                Object[] row = Arrays.copyOf(t.rows().get(r), names.size());
                row[names.size() - 1] = start + r * step;
                out.add(row);
            }
            return new MTable(names, types, out).withKeysOf(t);
        });
        lib.fn("Table.FillDown", 2, 2, a -> {
            MTable t = Args.table(a, 0);
            List<Integer> cols = CoreFunctions.names(Args.v(a, 1)).stream().map(t::columnIndex).toList();
            List<Object[]> out = new ArrayList<>();
            Object[] last = new Object[t.columns().size()];
            for (int r = 0; r < t.rowCount(); r++) {
                Object[] row = t.rows().get(r).clone();
                for (int c : cols) {
                    Object v = t.cell(r, c);
                    if (v == null) {
                        row[c] = last[c];
                    } else {
                        last[c] = v;
                    }
                }
                out.add(row);
            }
            return rows(t, out);
        });
        lib.fn("Table.Group", 3, 5, a -> group(Args.table(a, 0), CoreFunctions.names(Args.v(a, 1)), Args.list(a, 2),
                Args.v(a, 3) != null && Args.number(a, 3) == 0, Args.v(a, 4) == null ? null : Args.function(a, 4)));
        lib.fn("Table.NestedJoin", 5, 8, a -> nestedJoin(Args.table(a, 0), CoreFunctions.names(Args.v(a, 1)),
                Args.table(a, 2), CoreFunctions.names(Args.v(a, 3)), Args.text(a, 4), Args.integerOr(a, 5, 1),
                Args.integerOr(a, 6, JOIN_DYNAMIC)));
        lib.fn("Table.Join", 4, 7, a -> {
            MTable left = Args.table(a, 0), right = Args.table(a, 2);
            List<String> leftKeys = CoreFunctions.names(Args.v(a, 1)), rightKeys = CoreFunctions.names(Args.v(a, 3));
            int kind = Args.integerOr(a, 4, 0);
            if (kind == 6) {
                return semiJoin(left, leftKeys, right, rightKeys);
            }
            if (kind == 7) {
                return semiJoin(right, rightKeys, left, leftKeys);
            }
            List<String> fields = new ArrayList<>();
            for (String n : right.columns()) {
                int k = rightKeys.indexOf(n);
                // a key column named alike on both sides holds equal values in an inner or left outer join: keep one
                boolean sharedKey = k >= 0 && k < leftKeys.size() && leftKeys.get(k).equals(n) && (kind == 0 || kind == 1);
                if (sharedKey) {
                    continue;
                }
                if (left.columns().contains(n)) {
                    throw Errors.expression("A join operation cannot result in a table with duplicate column names (\"" + n + "\").");
                }
                fields.add(n);
            }
            if (kind == 0) {
                return InnerJoin.join(left, leftKeys, right, rightKeys, fields);
            }
            String nested = "\u0000joined";
            MTable joined = nestedJoin(left, leftKeys, right, rightKeys, nested, kind, Args.integerOr(a, 5, JOIN_DYNAMIC));
            MTable flat = expand(joined, nested, fields, null, true);
            return flat; // an unmatched row of an outer join expands to nulls, an inner join has none
        });
        lib.fn("Table.ExpandTableColumn", 3, 4, a -> expand(Args.table(a, 0), Args.text(a, 1),
                CoreFunctions.names(Args.v(a, 2)), Args.v(a, 3) == null ? null : CoreFunctions.names(Args.v(a, 3)), true));
        lib.fn("Table.ExpandRecordColumn", 3, 4, a -> expand(Args.table(a, 0), Args.text(a, 1),
                CoreFunctions.names(Args.v(a, 2)), Args.v(a, 3) == null ? null : CoreFunctions.names(Args.v(a, 3)), false));
    }

    private static Object replaceCell(MFunction replacer, Object v, Object oldValue, Object newValue) {
        if (replacer.name().equals("Replacer.ReplaceText") && !(v instanceof String)) {
            return v; // ReplaceText leaves non-text cells alone
        }
        return replacer.call(v, oldValue, newValue);
    }

    /** The rows as records, for count-or-condition arguments. */
    static List<Object> rowRecords(MTable t) {
        List<Object> out = new ArrayList<>();
        for (Object[] row : t.rows()) {
            out.add(MRecord.ofRow(t.columns(), row));
        }
        return out;
    }

    static MTable rows(MTable t, List<Object[]> rows) {
        return new MTable(t.columns(), t.types(), new ArrayList<>(rows)).withKeysOf(t);
    }

    /** Sort criteria: a column name, {name, Order}, a list of those, or a key/comparer function. */
    static Comparator<Object[]> comparator(MTable t, Object spec) {
        List<Object> criteria = spec instanceof MList l ? l.values() : List.of(spec);
        // {name, Order} or {key selector, Order} given alone rather than in a list of criteria
        if (criteria.size() == 2 && (criteria.get(0) instanceof String || criteria.get(0) instanceof MFunction)
                && criteria.get(1) instanceof Double) {
            criteria = List.of(spec);
        }
        Comparator<Object[]> result = (x, y) -> 0;
        for (Object c : criteria) {
            Object key = c;
            boolean descending = false;
            if (c instanceof MList pair) {
                key = pair.get(0);
                descending = pair.size() > 1 && Values.number(pair.get(1)) == 1;
            }
            Comparator<Object[]> one;
            if (key instanceof MFunction f) {
                one = (x, y) -> Values.order(f.call(new MRecord(t.columns(), Arrays.asList(x))),
                        f.call(new MRecord(t.columns(), Arrays.asList(y))));
            } else {
                int col = t.columnIndex(Values.text(key));
                one = (x, y) -> Values.order(Thunk.force(x[col]), Thunk.force(y[col]));
            }
            result = result.thenComparing(descending ? one.reversed() : one);
        }
        return result;
    }

    private static MTable group(MTable t, List<String> keys, MList aggregates, boolean local, MFunction comparer) {
        int[] idx = keys.stream().mapToInt(t::columnIndex).toArray();
        List<List<Object[]>> groups;
        if (local || comparer != null) {
            groups = GroupRuns.split(t, keys, idx, local, comparer);
        } else {
            MTable folded = foldedGroup(t, keys, idx, TableShapeFunctions.pairs(aggregates));
            if (folded != null) {
                return folded;
            }
            // groups in the order their first rows come, as M gives them
            java.util.Map<GroupKey, List<Object[]>> byKey = new java.util.LinkedHashMap<>();
            try (RowCursor rows = t.cursor()) {
                for (Object[] row = rows.next(); row != null; row = rows.next()) {
                    byKey.computeIfAbsent(new GroupKey(row, idx), k -> new ArrayList<>()).add(row);
                }
            }
            groups = new ArrayList<>(byKey.values());
        }
        List<MList> specs = TableShapeFunctions.pairs(aggregates);
        GroupColumns header = GroupColumns.of(t, keys, idx, specs);
        List<String> names = header.names();
        List<MType> types = header.types();
        List<Object[]> out = new ArrayList<>();
        for (List<Object[]> g : groups) {
            Object[] row = new Object[names.size()];
            for (int i = 0; i < idx.length; i++) {
                row[i] = g.get(0)[idx[i]];
            }
            MTable part = rows(t, g);
            for (int i = 0; i < specs.size(); i++) {
                MFunction f = Values.function(specs.get(i).get(1));
                row[idx.length + i] = new Thunk(() -> f.call(part));
            }
            out.add(row);
        }
        MTable grouped = new MTable(names, types, out);
        // global groups are unique by their keys, and Power Query's result says so; local runs may repeat a key
        return local || comparer != null || keys.isEmpty() ? grouped : grouped.withKeys(List.of(new TableKey(keys, true)));
    }

    /**
     * Table.Group when every aggregate is one {@link GroupAggregates} recognises: each row is folded into its group's
     * accumulators as it is read, so a group keeps one row (for its keys) rather than all of them. Null otherwise.
     */
    private static MTable foldedGroup(MTable t, List<String> keys, int[] idx, List<MList> specs) {
        List<GroupAggregates.Factory> factories = new ArrayList<>();
        for (MList spec : specs) {
            if (spec.size() < 2 || !(spec.get(1) instanceof MFunction f)) {
                return null;
            }
            GroupAggregates.Factory factory = GroupAggregates.recognize(f, t.columns());
            if (factory == null) {
                return null;
            }
            factories.add(factory);
        }
        GroupColumns header = GroupColumns.of(t, keys, idx, specs);
        List<String> names = header.names();
        List<MType> types = header.types();
        record Group(Object[] first, GroupAggregates.Accumulator[] accumulators) { }
        java.util.Map<GroupKey, Group> byKey = new java.util.LinkedHashMap<>();
        try (RowCursor rows = t.cursor()) {
            for (Object[] next = rows.next(); next != null; next = rows.next()) {
                Object[] row = next;
                Group g = byKey.computeIfAbsent(new GroupKey(row, idx), k -> {
                    GroupAggregates.Accumulator[] accumulators = new GroupAggregates.Accumulator[factories.size()];
                    for (int i = 0; i < accumulators.length; i++) {
                        accumulators[i] = factories.get(i).start();
                    }
                    return new Group(row, accumulators);
                });
                for (GroupAggregates.Accumulator a : g.accumulators()) {
                    a.add(row);
                }
            }
        }
        List<Object[]> out = new ArrayList<>();
        for (Group g : byKey.values()) {
            Object[] row = new Object[names.size()];
            for (int i = 0; i < idx.length; i++) {
                row[i] = g.first()[idx[i]];
            }
            for (int i = 0; i < factories.size(); i++) {
                row[idx.length + i] = g.accumulators()[i].result();
            }
            out.add(row);
        }
        MTable grouped = new MTable(names, types, out);
        return keys.isEmpty() ? grouped : grouped.withKeys(List.of(new TableKey(keys, true)));
    }

    /** The rows of {@code kept}, with only its columns, that have a match in {@code other}: a semi join. */
    private static MTable semiJoin(MTable kept, List<String> keptKeys, MTable other, List<String> otherKeys) {
        int[] ki = keptKeys.stream().mapToInt(kept::columnIndex).toArray();
        int[] oi = otherKeys.stream().mapToInt(other::columnIndex).toArray();
        java.util.Set<GroupKey> matched = new java.util.HashSet<>();
        for (Object[] o : other.rows()) {
            matched.add(new GroupKey(o, oi));
        }
        return RowStreams.filter(kept, row -> matched.contains(new GroupKey(row, ki)));
    }

    /** JoinAlgorithm.Dynamic, the default, which reads both tables in turn as JoinAlgorithm.PairwiseHash does. */
    private static final int JOIN_DYNAMIC = 0;
    /** JoinAlgorithm.RightHash: the right rows are looked up while the left rows stream by, in their order. */
    private static final int JOIN_RIGHT_HASH = 4;

    static MTable nestedJoin(MTable left, List<String> leftKeys, MTable right, List<String> rightKeys,
            String newColumn, int kind) {
        return nestedJoin(left, leftKeys, right, rightKeys, newColumn, kind, JOIN_DYNAMIC);
    }

    static MTable nestedJoin(MTable left, List<String> leftKeys, MTable right, List<String> rightKeys,
            String newColumn, int kind, int algorithm) {
        int[] li = leftKeys.stream().mapToInt(left::columnIndex).toArray();
        int[] ri = rightKeys.stream().mapToInt(right::columnIndex).toArray();
        List<String> names = new ArrayList<>(left.columns());
        names.add(newColumn);
        List<MType> types = new ArrayList<>(left.types());
        types.add(MType.table(right.columns(), right.types()));
        // the right rows by key, in their order: each left row finds its matches in one lookup
        java.util.Map<GroupKey, List<Object[]>> rightByKey = new java.util.HashMap<>();
        for (Object[] r : right.rows()) {
            rightByKey.computeIfAbsent(new GroupKey(r, ri), k -> new ArrayList<>()).add(r);
        }
        java.util.Set<GroupKey> matchedKeys = new java.util.HashSet<>();
        List<Object[]> out = new ArrayList<>();
        boolean rightOnly = kind == 5 || kind == 7; // right anti and right semi list right rows only
        // a merge lists its left rows in the order of Power Query's pairwise hash join (PairwiseMergeOrder), whatever
        // its kind: the kind only decides which rows stay
        List<Object[]> leftRows;
        if (rightOnly) {
            leftRows = List.of();
        } else if (algorithm == JOIN_RIGHT_HASH) {
            leftRows = left.rows();
        } else {
            int[] partSizes = left.combinedPartSizes(); // before left.rows(), which then reads the parts from memory
            leftRows = PairwiseMergeOrder.of(left.rows(), partSizes, li, right.rows(), ri);
        }
        for (Object[] l : leftRows) {
            GroupKey key = new GroupKey(l, li);
            List<Object[]> matches = rightByKey.getOrDefault(key, List.of());
            if (!matches.isEmpty()) {
                matchedKeys.add(key);
            }
            boolean keep = switch (kind) {
                case 0, 2, 6 -> !matches.isEmpty(); // inner, right outer, left semi: the left rows that match
                case 4 -> matches.isEmpty(); // left anti
                default -> true; // left outer, full outer
            };
            if (keep) {
                Object[] row = Arrays.copyOf(l, names.size());
                row[names.size() - 1] = rows(right, matches);
                out.add(row);
            }
        }
        if (kind == 2 || kind == 3 || rightOnly) {
            if (rightOnly) {
                for (Object[] l : left.rows()) {
                    matchedKeys.add(new GroupKey(l, li));
                }
            }
            // outer and anti kinds: the right rows no left row matched; right semi: those some left row matched.
            // Each comes with null left columns.
            for (Object[] r : right.rows()) {
                if (matchedKeys.contains(new GroupKey(r, ri)) == (kind == 7)) {
                    Object[] row = new Object[names.size()];
                    row[names.size() - 1] = rows(right, List.<Object[]>of(r));
                    out.add(row);
                }
            }
        }
        return new MTable(names, types, out);
    }

    /** Expands a column of tables (one output row per nested row; an empty table keeps the row with nulls) or records. */
    private static MTable expand(MTable t, String column, List<String> fields, List<String> newNames, boolean tables) {
        int c = t.columnIndex(column);
        List<String> inserted = newNames == null ? fields : newNames;
        List<String> names = new ArrayList<>(t.columns().subList(0, c));
        names.addAll(inserted);
        names.addAll(t.columns().subList(c + 1, t.columns().size()));
        List<Object[]> out = new ArrayList<>();
        for (Object[] row : t.rows()) {
            Object v = Thunk.force(row[c]);
            List<Object[]> values = new ArrayList<>();
            if (v == null) {
                values.add(new Object[fields.size()]);
            } else if (tables) {
                MTable nested = Values.table(v);
                // a nested table without one of the columns gives nulls there, as Power Query does for the ragged
                // tables of Xml.Tables and Json documents
                int[] at = new int[fields.size()];
                for (int i = 0; i < at.length; i++) {
                    at[i] = nested.columns().indexOf(fields.get(i));
                }
                for (Object[] nr : nested.rows()) {
                    Object[] vals = new Object[fields.size()];
                    for (int i = 0; i < vals.length; i++) {
                        vals[i] = at[i] < 0 ? null : nr[at[i]];
                    }
                    values.add(vals);
                }
                if (values.isEmpty()) {
                    values.add(new Object[fields.size()]);
                }
            } else {
                MRecord r = Values.record(v);
                Object[] vals = new Object[fields.size()];
                for (int i = 0; i < vals.length; i++) {
                    int at = r.indexOf(fields.get(i));
                    vals[i] = at < 0 ? null : r.slot(at);
                }
                values.add(vals);
            }
            for (Object[] vals : values) {
                Object[] o = new Object[names.size()];
                System.arraycopy(row, 0, o, 0, c);
                System.arraycopy(vals, 0, o, c, vals.length);
                System.arraycopy(row, c + 1, o, c + vals.length, row.length - c - 1);
                out.add(o);
            }
        }
        return new MTable(names, null, out);
    }

    /**
     * Whether a row condition's error is the error of one of the row's own cells. Power Query filters such a row out
     * rather than failing: a CSV read with QuoteStyle.None, whose quoted line breaks split records into lines whose
     * date column cannot convert, loaded in Excel without those lines after a "remove blank rows" condition over
     * Record.FieldValues(_) (a public bank-reviews workbook: 1,010 lines, 6 with a date error, Excel's 1,000 rows).
     * An error the condition raises itself (a missing field, an explicit error) still fails the table.
     */
    private static boolean isErrorOfACell(MException e, Object[] row) {
        for (Object cell : row) {
            try {
                Thunk.force(cell);
            } catch (MException cellError) {
                if (Objects.equals(cellError.reason(), e.reason())
                        && Objects.equals(cellError.getMessage(), e.getMessage())) {
                    return true;
                }
            }
        }
        return false;
    }
}
