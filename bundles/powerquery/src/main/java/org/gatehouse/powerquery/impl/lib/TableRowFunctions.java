package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.gatehouse.powerquery.impl.eval.Builtin;
import org.gatehouse.powerquery.impl.value.*;

/**
 * Row-level table functions: inserting/removing/replacing rows, membership and position of rows, conversions to
 * and from lists and columns, splitting and repeating. They need all rows, so they read the table's row list
 * (a streamed table materializes once here).
 */
final class TableRowFunctions {

    private TableRowFunctions() {
    }

    static void register(Library lib) {
        lib.fn("Table.FillUp", 2, 2, a -> {
            MTable t = Args.table(a, 0);
            int[] cols = indexes(t, CoreFunctions.names(Args.v(a, 1)));
            List<Object[]> out = copy(t);
            Object[] next = new Object[t.columns().size()];
            // walk bottom-up so a null takes the nearest non-null value below it
            for (int r = out.size() - 1; r >= 0; r--) {
                Object[] row = out.get(r);
                for (int c : cols) {
                    Object v = Thunk.force(row[c]);
                    if (v == null) {
                        row[c] = next[c];
                    } else {
                        next[c] = v;
                    }
                }
            }
            return TableFunctions.rows(t, out);
        });
        lib.fn("Table.RemoveRows", 2, 3, a -> {
            MTable t = Args.table(a, 0);
            List<Object[]> out = copy(t);
            int offset = offset(a, 1, out.size());
            int count = Math.min(Args.integerOr(a, 2, 1), out.size() - offset);
            out.subList(offset, offset + Math.max(0, count)).clear();
            return TableFunctions.rows(t, out);
        });
        lib.fn("Table.InsertRows", 3, 3, a -> {
            MTable t = Args.table(a, 0);
            List<Object[]> out = copy(t);
            out.addAll(offset(a, 1, out.size()), fromRecords(t, Args.list(a, 2)));
            return TableFunctions.rows(t, out);
        });
        lib.fn("Table.ReplaceRows", 4, 4, a -> {
            MTable t = Args.table(a, 0);
            List<Object[]> out = copy(t);
            int offset = offset(a, 1, out.size());
            int count = Math.max(0, Math.min(Args.integer(a, 2), out.size() - offset));
            out.subList(offset, offset + count).clear();
            out.addAll(offset, fromRecords(t, Args.list(a, 3)));
            return TableFunctions.rows(t, out);
        });
        lib.fn("Table.RemoveMatchingRows", 2, 3, a -> {
            MTable t = Args.table(a, 0);
            List<Object> patterns = Args.list(a, 1).values();
            Object criteria = Args.v(a, 2);
            List<Object[]> out = new ArrayList<>();
            for (Object[] row : t.rows()) {
                MRecord r = MRecord.ofRow(t.columns(), row);
                if (patterns.stream().noneMatch(p -> matches(r, Values.record(p), criteria))) {
                    out.add(row);
                }
            }
            return TableFunctions.rows(t, out);
        });
        lib.fn("Table.ReplaceMatchingRows", 2, 3, a -> {
            MTable t = Args.table(a, 0);
            List<Object> pairs = Args.list(a, 1).values();
            Object criteria = Args.v(a, 2);
            List<Object[]> out = new ArrayList<>();
            for (Object[] row : t.rows()) {
                MRecord r = MRecord.ofRow(t.columns(), row);
                Object[] replaced = row;
                for (Object p : pairs) {
                    MList pair = Values.list(p);
                    if (matches(r, Values.record(pair.get(0)), criteria)) {
                        replaced = fromRecord(t, Values.record(pair.get(1)));
                        break;
                    }
                }
                out.add(replaced);
            }
            return TableFunctions.rows(t, out);
        });
        lib.fn("Table.Contains", 2, 3, a -> positions(Args.table(a, 0), List.of(Args.v(a, 1)), Args.v(a, 2), true).size() > 0);
        lib.fn("Table.ContainsAny", 2, 3, a -> positions(Args.table(a, 0), Args.list(a, 1).values(), Args.v(a, 2), true).size() > 0);
        lib.fn("Table.ContainsAll", 2, 3, a -> {
            MTable t = Args.table(a, 0);
            for (Object p : Args.list(a, 1).values()) {
                if (positions(t, List.of(p), Args.v(a, 2), true).isEmpty()) {
                    return false;
                }
            }
            return true;
        });
        lib.fn("Table.PositionOf", 2, 4, a -> occurrence(
                positions(Args.table(a, 0), List.of(Args.v(a, 1)), Args.v(a, 3), false), Args.v(a, 2)));
        lib.fn("Table.PositionOfAny", 2, 4, a -> occurrence(
                positions(Args.table(a, 0), Args.list(a, 1).values(), Args.v(a, 3), false), Args.v(a, 2)));
        lib.fn("Table.IsDistinct", 1, 2, a -> {
            MTable t = Args.table(a, 0);
            Object criteria = Args.v(a, 1);
            List<MRecord> seen = new ArrayList<>();
            for (Object[] row : t.rows()) {
                MRecord r = MRecord.ofRow(t.columns(), row);
                for (MRecord s : seen) {
                    if (sameRow(s, r, criteria)) {
                        return false;
                    }
                }
                seen.add(r);
            }
            return true;
        });
        lib.fn("Table.MatchesAllRows", 2, 2, a -> {
            MTable t = Args.table(a, 0);
            MFunction f = Args.function(a, 1);
            return RowStreams.filter(t, row -> !Values.logical(f.call(MRecord.ofRow(t.columns(), row)))).rows().isEmpty();
        });
        lib.fn("Table.MatchesAnyRows", 2, 2, a -> {
            MTable t = Args.table(a, 0);
            MFunction f = Args.function(a, 1);
            return !RowStreams.filter(t, row -> Values.logical(f.call(MRecord.ofRow(t.columns(), row)))).rows().isEmpty();
        });
        lib.fn("Table.ToList", 1, 2, a -> {
            MTable t = Args.table(a, 0);
            Object combiner = Args.v(a, 1);
            List<Object> out = new ArrayList<>();
            for (Object[] row : t.rows()) {
                MList values = new MList(Arrays.asList(row));
                // the default combiner joins a row's values as text with commas
                out.add(combiner == null ? commaJoined(values) : Values.function(combiner).call(values));
            }
            return new MList(out);
        });
        lib.fn("Table.ToColumns", 1, 1, a -> {
            MTable t = Args.table(a, 0);
            List<Object> out = new ArrayList<>();
            for (int c = 0; c < t.columns().size(); c++) {
                List<Object> column = new ArrayList<>();
                for (Object[] row : t.rows()) {
                    column.add(row[c]);
                }
                out.add(new MList(column));
            }
            return new MList(out);
        });
        lib.fn("Table.FromColumns", 1, 2, a -> {
            List<Object> lists = Args.list(a, 0).values();
            int height = 0;
            List<List<Object>> columns = new ArrayList<>();
            for (Object l : lists) {
                List<Object> c = Values.list(l).slots();
                columns.add(c);
                height = Math.max(height, c.size());
            }
            Object spec = Args.v(a, 1);
            List<String> names = new ArrayList<>();
            List<MType> types = null;
            if (spec instanceof MType ty) {
                names.addAll(ty.fieldNames());
                types = new ArrayList<>(ty.fieldTypes());
            } else if (spec instanceof MList l) {
                names.addAll(CoreFunctions.names(l));
            } else {
                for (int i = 1; i <= columns.size(); i++) {
                    names.add("Column" + i);
                }
            }
            if (names.size() < columns.size()) {
                throw Errors.expression("The number of columns (" + names.size() + ") is less than the number of lists ("
                        + columns.size() + ").");
            }
            List<Object[]> rows = new ArrayList<>();
            for (int r = 0; r < height; r++) {
                Object[] row = new Object[names.size()];
                for (int c = 0; c < columns.size(); c++) {
                    row[c] = r < columns.get(c).size() ? columns.get(c).get(r) : null; // shorter lists pad with null
                }
                rows.add(row);
            }
            return new MTable(names, types, rows);
        });
        lib.fn("Table.FromValue", 1, 2, a -> {
            Object v = Args.v(a, 0);
            Object name = Args.option(Args.recordOrEmpty(a, 1), "DefaultColumnName");
            String column = name == null ? "Value" : Values.text(name);
            List<Object[]> rows = new ArrayList<>();
            if (v instanceof MRecord r) {
                for (int i = 0; i < r.names().size(); i++) {
                    rows.add(new Object[] {r.names().get(i), r.slot(i)});
                }
                return new MTable(List.of("Name", column), null, rows);
            }
            if (v instanceof MList l) {
                for (Object x : l.slots()) {
                    rows.add(new Object[] {x});
                }
            } else if (v instanceof MTable) {
                return v;
            } else {
                rows.add(new Object[] {v});
            }
            return new MTable(List.of(column), null, rows);
        });
        lib.fn("Table.PrefixColumns", 2, 2, a -> {
            MTable t = Args.table(a, 0);
            String prefix = Args.text(a, 1);
            List<String> names = t.columns().stream().map(n -> prefix + "." + n).toList();
            return RowStreams.renamed(t, names);
        });
        lib.fn("Table.CombineColumnsToRecord", 3, 4, a -> {
            // Table.CombineColumns with a combiner that names the values; the options (a display name column, a type
            // name for the loading environment) only inform a loader, which this engine doesn't have
            List<String> sources = CoreFunctions.names(Args.v(a, 2));
            MFunction toRecord = new Builtin("Table.CombineColumnsToRecord", 1, 1,
                    parts -> new MRecord(sources, Args.list(parts, 0).slots()));
            return ((MFunction) lib.globals().get("Table.CombineColumns")).call(a[0], Args.v(a, 2), toRecord, a[1]);
        });
        lib.fn("Table.CombineColumns", 4, 4, a -> {
            MTable t = Args.table(a, 0);
            int[] sources = indexes(t, CoreFunctions.names(Args.v(a, 1)));
            MFunction combiner = Args.function(a, 2);
            String target = Args.text(a, 3);
            // the combined column takes the place of the last column listed (not the leftmost one): combining
            // {"B", "A"} of A, B, C gives the new column before C; adjacent columns in order land where the first was
            int at = sources.length == 0 ? t.columns().size() : sources[sources.length - 1];
            List<String> names = new ArrayList<>();
            List<Integer> kept = new ArrayList<>();
            for (int c = 0; c < t.columns().size(); c++) {
                if (c == at) {
                    names.add(target);
                    kept.add(-1);
                }
                final int col = c;
                if (Arrays.stream(sources).noneMatch(s -> s == col)) {
                    names.add(t.columns().get(c));
                    kept.add(c);
                }
            }
            if (at == t.columns().size()) {
                names.add(target);
                kept.add(-1);
            }
            List<MType> types = new ArrayList<>();
            for (int k : kept) {
                types.add(k < 0 || t.types() == null ? MType.ANY : t.types().get(k));
            }
            List<Object[]> rows = new ArrayList<>();
            for (Object[] row : t.rows()) {
                List<Object> parts = new ArrayList<>();
                for (int s : sources) {
                    parts.add(row[s]);
                }
                Object[] out = new Object[names.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = kept.get(i) < 0 ? combined(combiner, parts) : row[kept.get(i)];
                }
                rows.add(out);
            }
            return new MTable(names, types, rows);
        });
        lib.fn("Table.ColumnsOfType", 2, 2, a -> {
            MTable t = Args.table(a, 0);
            List<Object> wanted = Args.list(a, 1).values();
            List<Object> out = new ArrayList<>();
            for (int c = 0; c < t.columns().size(); c++) {
                MType type = t.types() == null ? MType.ANY : t.types().get(c);
                // types compare by kind, facet and nullability (and structure when both have one)
                if (wanted.stream().anyMatch(w -> Values.type(w).sameAs(type)
                        && java.util.Objects.equals(Values.type(w).facet(), type.facet()))) {
                    out.add(t.columns().get(c));
                }
            }
            return new MList(out);
        });
        lib.fn("Table.Repeat", 2, 2, a -> {
            MTable t = Args.table(a, 0);
            List<Object[]> out = new ArrayList<>();
            for (int i = 0; i < Args.integer(a, 1); i++) {
                out.addAll(t.rows());
            }
            return TableFunctions.rows(t, out);
        });
        lib.fn("Table.AlternateRows", 4, 4, a -> {
            MTable t = Args.table(a, 0);
            int offset = Args.integer(a, 1), skip = Args.integer(a, 2), take = Args.integer(a, 3);
            List<Object[]> rows = t.rows();
            List<Object[]> out = new ArrayList<>(rows.subList(0, Math.min(offset, rows.size())));
            // after the kept prefix, alternate: drop `skip` rows, keep `take` rows
            for (int r = offset; r < rows.size(); ) {
                r += skip;
                for (int k = 0; k < take && r < rows.size(); k++, r++) {
                    out.add(rows.get(r));
                }
                if (skip == 0 && take == 0) {
                    break;
                }
            }
            return TableFunctions.rows(t, out);
        });
        lib.fn("Table.SingleRow", 1, 1, a -> {
            MTable t = Args.table(a, 0);
            if (t.rowCount() != 1) {
                throw Errors.expression("The table has " + (t.rowCount() == 0 ? "no rows" : "more than one row") + ".");
            }
            return t.row(0);
        });
        lib.fn("Table.Split", 2, 2, a -> {
            MTable t = Args.table(a, 0);
            int size = Args.integer(a, 1);
            if (size <= 0) {
                throw Errors.expression("The page size must be greater than zero.");
            }
            List<Object> pages = new ArrayList<>();
            for (int from = 0; from < t.rowCount(); from += size) {
                pages.add(TableFunctions.rows(t, t.rows().subList(from, Math.min(t.rowCount(), from + size))));
            }
            return new MList(pages);
        });
        lib.fn("Table.SplitAt", 2, 2, a -> {
            MTable t = Args.table(a, 0);
            int n = Math.max(0, Math.min(Args.integer(a, 1), t.rowCount()));
            return MList.of(TableFunctions.rows(t, t.rows().subList(0, n)),
                    TableFunctions.rows(t, t.rows().subList(n, t.rowCount())));
        });
        lib.fn("Table.MaxN", 3, 3, a -> extremes(a, true));
        lib.fn("Table.MinN", 3, 3, a -> extremes(a, false));
        lib.value("RankKind.Competition", 0.0);
        lib.value("RankKind.Dense", 1.0);
        lib.value("RankKind.Ordinal", 2.0);
        lib.fn("Table.AddRankColumn", 3, 4, a -> {
            MTable t = Args.table(a, 0);
            Comparator<Object[]> cmp = TableFunctions.comparator(t, Args.v(a, 2));
            Object kindOption = Args.option(Args.recordOrEmpty(a, 3), "RankKind");
            int kind = kindOption == null ? 0 : (int) Values.number(kindOption);
            List<Object[]> sorted = new ArrayList<>(t.rows());
            sorted.sort(cmp); // stable, so rows that tie keep their order
            List<String> names = new ArrayList<>(t.columns());
            names.add(Args.text(a, 1));
            List<MType> types = new ArrayList<>(t.types());
            types.add(MType.facet("number", "Int64"));
            List<Object[]> out = new ArrayList<>();
            int rank = 0, dense = 0;
            for (int i = 0; i < sorted.size(); i++) {
                boolean tie = i > 0 && cmp.compare(sorted.get(i - 1), sorted.get(i)) == 0;
                if (!tie) {
                    rank = i + 1;
                    dense++;
                }
                Object[] row = Arrays.copyOf(sorted.get(i), names.size());
                row[names.size() - 1] = (double) (kind == 1 ? dense : kind == 2 ? i + 1 : rank);
                out.add(row);
            }
            return new MTable(names, types, out).withKeysOf(t);
        });
        lib.fn("Table.ClearDown", 2, 2, a -> {
            MTable t = Args.table(a, 0);
            int[] cols = indexes(t, CoreFunctions.names(Args.v(a, 1)));
            List<Object[]> out = new ArrayList<>();
            Object[] previous = null;
            for (Object[] row : t.rows()) {
                Object[] copy = row.clone();
                // compare with the previous row's original values, not the cleared ones
                boolean repeated = previous != null;
                for (int c : cols) {
                    repeated &= previous != null && Values.equal(Thunk.force(row[c]), Thunk.force(previous[c]));
                }
                if (repeated) {
                    for (int c : cols) {
                        copy[c] = null;
                    }
                }
                out.add(copy);
                previous = row;
            }
            return TableFunctions.rows(t, out);
        });
        lib.fn("Table.Partition", 4, 4, a -> {
            MTable t = Args.table(a, 0);
            int c = t.columnIndex(Args.text(a, 1));
            int groups = Args.integer(a, 2);
            MFunction hash = Args.function(a, 3);
            List<List<Object[]>> parts = new ArrayList<>();
            for (int i = 0; i < groups; i++) {
                parts.add(new ArrayList<>());
            }
            for (Object[] row : t.rows()) {
                // the hash of the column value picks the partition, modulo the count
                int h = (int) Values.number(hash.call(Thunk.force(row[c])));
                parts.get(Math.floorMod(h, groups)).add(row);
            }
            List<Object> out = new ArrayList<>();
            for (List<Object[]> p : parts) {
                out.add(TableFunctions.rows(t, p));
            }
            return new MList(out);
        });
        lib.fn("Table.FromPartitions", 2, 3, a -> {
            String column = Args.text(a, 0);
            List<MTable> tables = new ArrayList<>();
            for (Object p : Args.list(a, 1).values()) {
                MList pair = Values.list(p);
                MTable part = Values.table(pair.get(1));
                Object value = pair.get(0);
                // each partition gains the partition column, holding its value, as the last column
                List<String> names = new ArrayList<>(part.columns());
                names.add(column);
                List<MType> types = new ArrayList<>(part.types());
                types.add(MType.ANY);
                tables.add(RowStreams.map(part, names, types, row -> {
                    Object[] out = Arrays.copyOf(row, names.size());
                    out[names.size() - 1] = value;
                    return out;
                }));
            }
            return org.gatehouse.powerquery.impl.eval.Tables.combine(tables);
        });
        // table2 may be a function giving the table: the reference's signature had it "as function" (its 2025 example
        // passes () => Table.FromRecords(...)); it says "as any" now
        lib.fn("Table.AddJoinColumn", 5, 5, a -> TableFunctions.nestedJoin(Args.table(a, 0), CoreFunctions.names(Args.v(a, 1)),
                Args.v(a, 2) instanceof MFunction f ? Values.table(f.call(new Object[0])) : Args.table(a, 2),
                CoreFunctions.names(Args.v(a, 3)), Args.text(a, 4), 1));
        lib.fn("Table.FindText", 2, 2, a -> {
            MTable t = Args.table(a, 0);
            String needle = Args.text(a, 1);
            return RowStreams.filter(t, row -> Arrays.stream(row).map(Thunk::force)
                    .anyMatch(v -> v instanceof String s && s.contains(needle)));
        });
    }

    private static int[] indexes(MTable t, List<String> names) {
        int[] idx = new int[names.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = t.columnIndex(names.get(i));
            if (idx[i] < 0) {
                throw Errors.expression("The column '" + names.get(i) + "' of the table wasn't found.");
            }
        }
        return idx;
    }

    private static List<Object[]> copy(MTable t) {
        List<Object[]> out = new ArrayList<>();
        for (Object[] row : t.rows()) {
            out.add(row.clone());
        }
        return out;
    }

    private static int offset(Object[] a, int i, int size) {
        int offset = Args.integer(a, i);
        if (offset < 0 || offset > size) {
            throw Errors.expression("The offset " + offset + " is outside the table (" + size + " rows).");
        }
        return offset;
    }

    private static List<Object[]> fromRecords(MTable t, MList records) {
        List<Object[]> out = new ArrayList<>();
        for (Object r : records.values()) {
            out.add(fromRecord(t, Values.record(r)));
        }
        return out;
    }

    /** A row of the table's columns from a record; a missing field is an error as for Table.FromRecords. */
    private static Object[] fromRecord(MTable t, MRecord r) {
        Object[] row = new Object[t.columns().size()];
        for (int c = 0; c < row.length; c++) {
            int at = r.indexOf(t.columns().get(c));
            if (at < 0) {
                throw Errors.expression("The field '" + t.columns().get(c) + "' of the record wasn't found.");
            }
            row[c] = r.slot(at);
        }
        return row;
    }

    /**
     * Whether a table row matches a row pattern. Without criteria every field of the pattern must equal the row's;
     * a column name or list of names compares only those columns; any other criteria (key selector, comparer)
     * applies to the two records.
     */
    private static boolean matches(MRecord row, MRecord pattern, Object criteria) {
        criteria = Values.strip(criteria);
        List<TableEquationCriteria.Column> columns;
        if (criteria == null || criteria instanceof MFunction f && f.minArity() == 2) {
            // a value comparer (Comparer.OrdinalIgnoreCase) compares the pattern's fields one by one
            MFunction comparer = (MFunction) criteria;
            columns = pattern.names().stream().map(n -> new TableEquationCriteria.Column(n, comparer)).toList();
        } else {
            // column names, each maybe with its comparer ({"Name", Comparer.OrdinalIgnoreCase})
            columns = TableEquationCriteria.columns(criteria);
            if (columns == null) {
                return Criteria.equal(criteria, row, pattern);
            }
        }
        for (TableEquationCriteria.Column c : columns) {
            if (!row.has(c.name()) || !pattern.has(c.name()) || !c.equal(row.get(c.name()), pattern.get(c.name()))) {
                return false;
            }
        }
        return true;
    }

    /** Row equality for IsDistinct: whole rows by default, or the named columns, or the criteria function. */
    private static boolean sameRow(MRecord x, MRecord y, Object criteria) {
        criteria = Values.strip(criteria);
        if (criteria == null) {
            return Values.equal(x, y);
        }
        return TableEquationCriteria.columns(criteria) == null ? Criteria.equal(criteria, x, y) : matches(x, y, criteria);
    }

    private static List<Double> positions(MTable t, List<Object> patterns, Object criteria, boolean firstOnly) {
        List<Double> found = new ArrayList<>();
        List<Object[]> rows = t.rows();
        for (int i = 0; i < rows.size(); i++) {
            MRecord r = MRecord.ofRow(t.columns(), rows.get(i));
            if (patterns.stream().anyMatch(p -> matches(r, Values.record(p), criteria))) {
                found.add((double) i);
                if (firstOnly) {
                    break;
                }
            }
        }
        return found;
    }

    /** Occurrence.First (0, default), Last (1) or All (2); -1 when nothing matched. */
    private static Object occurrence(List<Double> found, Object occurrence) {
        int mode = occurrence == null ? 0 : (int) Values.number(occurrence);
        if (mode == 2) {
            return new MList(found);
        }
        if (found.isEmpty()) {
            return -1.0;
        }
        return mode == 1 ? found.get(found.size() - 1) : found.get(0);
    }

    private static String commaJoined(MList values) {
        List<String> parts = new ArrayList<>();
        for (Object v : values.values()) {
            parts.add(v == null ? "" : Values.text(v));
        }
        return String.join(",", parts);
    }

    /** MaxN/MinN: rows ordered by the criteria (largest first for MaxN), then a count or a while-condition. */
    private static MTable extremes(Object[] a, boolean largest) {
        MTable t = Args.table(a, 0);
        Comparator<Object[]> cmp = TableFunctions.comparator(t, Args.v(a, 1));
        List<Object[]> sorted = new ArrayList<>(t.rows());
        sorted.sort(largest ? cmp.reversed() : cmp);
        Object arg = Args.v(a, 2);
        int n;
        if (arg instanceof MFunction f) {
            n = 0;
            while (n < sorted.size() && Values.logical(f.call(MRecord.ofRow(t.columns(), sorted.get(n))))) {
                n++;
            }
        } else {
            n = Math.max(0, Math.min(sorted.size(), (int) Values.number(arg)));
        }
        return TableFunctions.rows(t, sorted.subList(0, n));
    }

    /** A combined cell: a combiner that fails (a number given to a text combiner) fails only its cell, as in M. */
    private static Object combined(MFunction combiner, List<Object> parts) {
        try {
            return combiner.call(new MList(parts));
        } catch (org.gatehouse.powerquery.MException e) {
            return Thunk.failed(e);
        }
    }
}
