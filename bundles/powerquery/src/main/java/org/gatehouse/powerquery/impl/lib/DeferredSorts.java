package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.gatehouse.powerquery.impl.eval.Builtin;
import org.gatehouse.powerquery.impl.value.MList;
import org.gatehouse.powerquery.impl.value.MTable;
import org.gatehouse.powerquery.impl.value.SortOrigin;
import org.gatehouse.powerquery.impl.value.Values;

/**
 * Table.Sort as Power Query's engine runs it: not where the query says, but after the steps that follow it, as long as
 * they keep the columns it sorts by (filters, added and expanded columns, type changes on other columns, distinct
 * rows). A Table.Group that does not keep those columns drops the sort. The sort then runs once, on the rows that reach
 * it, with .NET's unstable introsort, so the order of rows with equal keys depends on which rows those are.
 * <p>
 * Excel's loaded tables show all of it: a sort does not decide which duplicate Table.Distinct keeps (the well-known
 * "sort, then remove duplicates" surprise), a sort before Table.Group neither orders the groups nor the sums inside
 * them, and the rows of a nested join expanded after a sort come in the order a sort of the expanded rows gives.
 * Table.Buffer, and every step not listed here (FirstN, Skip, index columns, fills...), takes the sorted rows as they
 * are.
 */
final class DeferredSorts {

    private DeferredSorts() {
    }

    /** The sorted table, computed when first enumerated and remembering what it was sorted from. */
    static MTable sort(MTable t, Object criteria) {
        Comparator<Object[]> order = TableFunctions.comparator(t, criteria); // a wrong column fails here, at the step
        MTable sorted = MTable.computed(t.columns(), t.types(), () -> {
            List<Object[]> rows = new ArrayList<>(t.rows());
            IntroSort.sort(rows, order);
            return rows;
        }).withKeysOf(t);
        Optional<Set<String>> columns = sortColumns(criteria);
        return columns.isEmpty() ? sorted : sorted.sortedFrom(new SortOrigin(t, criteria, columns.get()));
    }

    /** The table a step should see when it fixes the order: Table.Buffer's result is not moved past. */
    static MTable fixed(MTable t) {
        if (t.sortOrigin() == null) {
            return t;
        }
        return MTable.computed(t.columns(), t.types(), t::rows).withKeysOf(t);
    }

    /** Lets the steps Power Query moves a sort past run before it. */
    static void install(Library lib) {
        movePast(lib, "Table.SelectRows", a -> Set.of());
        movePast(lib, "Table.Distinct", a -> Set.of());
        movePast(lib, "Table.AddColumn", a -> Set.of());
        movePast(lib, "Table.DuplicateColumn", a -> Set.of());
        movePast(lib, "Table.ReorderColumns", a -> Set.of());
        movePast(lib, "Table.ExpandTableColumn", a -> Set.of(Values.text(arg(a, 1))));
        movePast(lib, "Table.ExpandRecordColumn", a -> Set.of(Values.text(arg(a, 1))));
        movePast(lib, "Table.ExpandListColumn", a -> Set.of(Values.text(arg(a, 1))));
        movePast(lib, "Table.RemoveColumns", a -> new HashSet<>(CoreFunctions.names(arg(a, 1))));
        movePast(lib, "Table.ReplaceValue", a -> new HashSet<>(CoreFunctions.names(arg(a, 4))));
        movePast(lib, "Table.TransformColumnTypes", a -> firstOfPairs(arg(a, 1)));
        movePast(lib, "Table.RenameColumns", a -> firstOfPairs(arg(a, 1)));
        movePast(lib, "Table.TransformColumns", a -> arg(a, 2) != null ? null : firstOfPairs(arg(a, 1)));
        movePast(lib, "Table.SelectColumns", a -> {
            Set<String> dropped = new HashSet<>(Values.table(arg(a, 0)).columns());
            CoreFunctions.names(arg(a, 1)).forEach(dropped::remove);
            return dropped;
        });
        groupDrops(lib);
    }

    /**
     * Wraps a step so that, given a sort result whose columns it does not touch ({@code touched} answers null for
     * "all of them"), it runs on the unsorted rows and the sort follows it.
     */
    private static void movePast(Library lib, String name, Function<Object[], Set<String>> touched) {
        Builtin step = (Builtin) lib.globals().get(name);
        lib.globals().put(name, new Builtin(name, step.minArity(), step.maxArity(), a -> {
            SortOrigin origin = origin(a);
            if (origin != null) {
                Set<String> changed = touched.apply(a);
                if (changed != null && changed.stream().noneMatch(origin.columns()::contains)) {
                    MTable result = Values.table(step.invoke(withUnsorted(a, origin)));
                    if (result.columns().containsAll(origin.columns())) {
                        return sort(result, origin.criteria());
                    }
                }
            }
            return step.invoke(a);
        }));
    }

    /**
     * Table.Group of a sort result groups the unsorted rows: the groups come in the order of their first unsorted
     * rows, and their aggregates add up in that order. The sort survives only when the group keys include all its
     * columns. A local grouping (GroupKind.Local) depends on the order, so it takes the sorted rows.
     */
    private static void groupDrops(Library lib) {
        String name = "Table.Group";
        Builtin step = (Builtin) lib.globals().get(name);
        lib.globals().put(name, new Builtin(name, step.minArity(), step.maxArity(), a -> {
            SortOrigin origin = origin(a);
            boolean local = arg(a, 3) != null && Values.number(arg(a, 3)) == 0;
            if (origin == null || local) {
                return step.invoke(a);
            }
            MTable grouped = Values.table(step.invoke(withUnsorted(a, origin)));
            boolean keysKeepTheSort = CoreFunctions.names(arg(a, 1)).containsAll(origin.columns());
            return keysKeepTheSort ? sort(grouped, origin.criteria()) : grouped;
        }));
    }

    private static SortOrigin origin(Object[] a) {
        return a.length > 0 && Values.strip(a[0]) instanceof MTable t ? t.sortOrigin() : null;
    }

    private static Object[] withUnsorted(Object[] a, SortOrigin origin) {
        Object[] args = a.clone();
        args[0] = origin.unsorted();
        return args;
    }

    private static Object arg(Object[] a, int i) {
        return i < a.length ? Values.strip(a[i]) : null;
    }

    /** The column names of a {name, x} pair or a list of them (type changes, renames, transforms). */
    private static Set<String> firstOfPairs(Object spec) {
        List<Object> items = Values.list(spec).values();
        Set<String> names = new HashSet<>();
        if (!items.isEmpty() && !(Values.strip(items.get(0)) instanceof MList)) {
            names.add(Values.text(items.get(0)));
            return names;
        }
        for (Object pair : items) {
            names.add(Values.text(Values.list(pair).get(0)));
        }
        return names;
    }

    /** The columns the criteria sort by, none when a criterion is a function (its columns are unknown). */
    private static Optional<Set<String>> sortColumns(Object spec) {
        spec = Values.strip(spec);
        List<Object> criteria = spec instanceof MList l ? l.values() : List.of(spec);
        if (criteria.size() == 2 && Values.strip(criteria.get(0)) instanceof String
                && Values.strip(criteria.get(1)) instanceof Double) {
            criteria = List.of(spec);
        }
        Set<String> columns = new LinkedHashSet<>();
        for (Object c : criteria) {
            Object key = Values.strip(c) instanceof MList pair ? Values.strip(pair.get(0)) : Values.strip(c);
            if (!(key instanceof String column)) {
                return Optional.empty();
            }
            columns.add(column);
        }
        return Optional.of(columns);
    }
}
