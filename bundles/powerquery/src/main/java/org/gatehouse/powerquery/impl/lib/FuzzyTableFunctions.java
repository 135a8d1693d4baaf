package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gatehouse.powerquery.impl.value.*;

/**
 * Table.FuzzyNestedJoin, Table.FuzzyJoin, Table.FuzzyGroup and Table.AddFuzzyClusterColumn: joins and groupings on
 * {@link FuzzyMatcher}'s similarity instead of equality.
 *
 * <p>Joins: each row of the first table gets the rows of the second whose keys score at least the threshold, most
 * similar first (ties in the second table's order), at most NumberOfMatches of them; the rows come in the first table's
 * order, the second table's unmatched rows after them for right and full outer joins, as Table.NestedJoin does.
 *
 * <p>Groups and clusters: the distinct key values, most frequent first (ties by first appearance), each join the
 * cluster whose representative they are most similar to, or found a new one. So a cluster's representative is its most
 * frequent value, the first one on a tie, and every value is within the threshold of it: Power Query's documented
 * "canonical instance" ("Miguel" twice beats "miguel" and "migueeel"; "mike" before "Mike"; "William" before "Bill"
 * and "billy"). Table.FuzzyGroup lists the largest groups first, ties in the order of their first rows, as the fuzzy
 * grouping article's Miguel 4, mike 2, Bill 2, William 1 shows; a group's rows come value by value in that order.
 */
final class FuzzyTableFunctions {

    private FuzzyTableFunctions() {
    }

    static void register(Library lib) {
        lib.fn("Table.FuzzyNestedJoin", 5, 7, a -> {
            MTable left = Args.table(a, 0), right = Args.table(a, 2);
            FuzzyMatcher matcher = new FuzzyMatcher(Args.recordOrEmpty(a, 6), "Table.FuzzyNestedJoin");
            return nestedJoin(left, CoreFunctions.names(Args.v(a, 1)), right, CoreFunctions.names(Args.v(a, 3)),
                    Args.text(a, 4), joinKind(a, 5, 1), matcher);
        });
        lib.fn("Table.FuzzyJoin", 4, 6, a -> {
            MTable left = Args.table(a, 0), right = Args.table(a, 2);
            FuzzyMatcher matcher = new FuzzyMatcher(Args.recordOrEmpty(a, 5), "Table.FuzzyJoin");
            return join(left, CoreFunctions.names(Args.v(a, 1)), right, CoreFunctions.names(Args.v(a, 3)), joinKind(a, 4, 0),
                    matcher);
        });
        lib.fn("Table.FuzzyGroup", 3, 4, a -> {
            FuzzyMatcher matcher = new FuzzyMatcher(Args.recordOrEmpty(a, 3), "Table.FuzzyGroup");
            return group(Args.table(a, 0), CoreFunctions.names(Args.v(a, 1)), Args.list(a, 2), matcher);
        });
        lib.fn("Table.AddFuzzyClusterColumn", 3, 4, a -> {
            FuzzyMatcher matcher = new FuzzyMatcher(Args.recordOrEmpty(a, 3), "Table.AddFuzzyClusterColumn");
            return addClusterColumn(Args.table(a, 0), Args.text(a, 1), Args.text(a, 2), matcher);
        });
    }

    private static int joinKind(Object[] a, int i, int fallback) {
        int kind = Args.integerOr(a, i, fallback);
        if (kind < 0 || kind > 5) {
            throw Errors.expression("The join kind " + kind + " is not supported by fuzzy joins.");
        }
        return kind;
    }

    private static int[] columns(MTable t, List<String> names) {
        int[] idx = new int[names.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = t.columnIndex(names.get(i));
        }
        return idx;
    }

    /** A matching row of the second table and its score. */
    private record Match(int row, double similarity) {
    }

    /** For each row of the first table its matches, and which rows of the second table any row matched. */
    private record Matching(List<Object[]> leftRows, List<Object[]> rightRows, List<List<Match>> matches, boolean[] rightMatched) {
    }

    private static Matching match(MTable left, List<String> leftKeys, MTable right, List<String> rightKeys, FuzzyMatcher m) {
        if (leftKeys.size() != rightKeys.size()) {
            throw Errors.expression("The number of keys in the two tables must be the same.");
        }
        int[] li = columns(left, leftKeys), ri = columns(right, rightKeys);
        List<Object[]> leftRows = left.rows(), rightRows = right.rows();
        List<FuzzyMatcher.Key> rightKeysPrepared = new ArrayList<>(rightRows.size());
        for (Object[] r : rightRows) {
            rightKeysPrepared.add(m.key(r, ri));
        }
        boolean[] rightMatched = new boolean[rightRows.size()];
        List<List<Match>> all = new ArrayList<>(leftRows.size());
        for (Object[] l : leftRows) {
            FuzzyMatcher.Key key = m.key(l, li);
            List<Match> found = new ArrayList<>();
            for (int j = 0; j < rightRows.size(); j++) {
                if (!m.mayMatch(key, rightKeysPrepared.get(j))) {
                    continue;
                }
                double s = m.similarity(key, rightKeysPrepared.get(j));
                if (m.matches(s)) {
                    found.add(new Match(j, s));
                }
            }
            found.sort(Comparator.comparingDouble(Match::similarity).reversed()); // stable: ties keep the table's order
            if (m.numberOfMatches != null && found.size() > m.numberOfMatches) {
                found = new ArrayList<>(found.subList(0, m.numberOfMatches));
            }
            for (Match x : found) {
                rightMatched[x.row()] = true;
            }
            all.add(found);
        }
        return new Matching(leftRows, rightRows, all, rightMatched);
    }

    /** Which rows of the first table a join kind keeps: those with matches or those without. */
    private static boolean keepsLeft(int kind, boolean matched) {
        return switch (kind) {
            case 0, 2 -> matched; // inner, right outer
            case 4 -> !matched; // left anti
            case 5 -> false; // right anti
            default -> true; // left outer, full outer
        };
    }

    private static boolean addsUnmatchedRight(int kind) {
        return kind == 2 || kind == 3 || kind == 5;
    }

    static MTable nestedJoin(MTable left, List<String> leftKeys, MTable right, List<String> rightKeys, String newColumn,
            int kind, FuzzyMatcher m) {
        Matching found = match(left, leftKeys, right, rightKeys, m);
        List<String> nestedNames = new ArrayList<>(right.columns());
        List<MType> nestedTypes = new ArrayList<>(right.types());
        if (m.similarityColumn != null) {
            nestedNames.add(m.similarityColumn);
            nestedTypes.add(MType.NUMBER.asNullable());
        }
        List<String> names = new ArrayList<>(left.columns());
        names.add(newColumn);
        List<MType> types = new ArrayList<>(left.types());
        types.add(MType.table(nestedNames, nestedTypes));
        List<Object[]> out = new ArrayList<>();
        for (int i = 0; i < found.leftRows().size(); i++) {
            List<Match> matches = found.matches().get(i);
            if (!keepsLeft(kind, !matches.isEmpty())) {
                continue;
            }
            List<Object[]> nested = new ArrayList<>();
            for (Match x : matches) {
                nested.add(nestedRow(found.rightRows().get(x.row()), x.similarity(), m));
            }
            Object[] row = Arrays.copyOf(found.leftRows().get(i), names.size());
            row[names.size() - 1] = new MTable(nestedNames, nestedTypes, nested);
            out.add(row);
        }
        if (addsUnmatchedRight(kind)) {
            for (int j = 0; j < found.rightRows().size(); j++) {
                if (!found.rightMatched()[j]) {
                    Object[] row = new Object[names.size()];
                    row[names.size() - 1] = new MTable(nestedNames, nestedTypes,
                            List.<Object[]>of(nestedRow(found.rightRows().get(j), null, m)));
                    out.add(row);
                }
            }
        }
        return new MTable(names, types, out);
    }

    private static Object[] nestedRow(Object[] r, Double similarity, FuzzyMatcher m) {
        if (m.similarityColumn == null) {
            return r;
        }
        Object[] row = Arrays.copyOf(r, r.length + 1);
        row[r.length] = similarity;
        return row;
    }

    static MTable join(MTable left, List<String> leftKeys, MTable right, List<String> rightKeys, int kind, FuzzyMatcher m) {
        List<String> names = new ArrayList<>(left.columns());
        for (String n : right.columns()) {
            if (names.contains(n)) {
                throw Errors.expression("A join operation cannot result in a table with duplicate column names (\"" + n + "\").");
            }
            names.add(n);
        }
        if (m.similarityColumn != null) {
            if (names.contains(m.similarityColumn)) {
                throw Errors.expression("A join operation cannot result in a table with duplicate column names (\""
                        + m.similarityColumn + "\").");
            }
            names.add(m.similarityColumn);
        }
        Matching found = match(left, leftKeys, right, rightKeys, m);
        int lw = left.columns().size(), rw = right.columns().size();
        boolean leftNullable = addsUnmatchedRight(kind), rightNullable = kind == 1 || kind == 3 || kind == 4;
        List<MType> types = new ArrayList<>();
        for (MType t : left.types()) {
            types.add(leftNullable ? t.asNullable() : t);
        }
        for (MType t : right.types()) {
            types.add(rightNullable ? t.asNullable() : t);
        }
        if (m.similarityColumn != null) {
            types.add(MType.NUMBER.asNullable());
        }
        List<Object[]> out = new ArrayList<>();
        for (int i = 0; i < found.leftRows().size(); i++) {
            List<Match> matches = found.matches().get(i);
            if (!keepsLeft(kind, !matches.isEmpty())) {
                continue;
            }
            Object[] l = found.leftRows().get(i);
            if (matches.isEmpty()) {
                out.add(Arrays.copyOf(l, names.size())); // an outer or anti join's unmatched row: nulls on the right
            }
            for (Match x : matches) {
                Object[] row = Arrays.copyOf(l, names.size());
                System.arraycopy(found.rightRows().get(x.row()), 0, row, lw, rw);
                if (m.similarityColumn != null) {
                    row[lw + rw] = x.similarity();
                }
                out.add(row);
            }
        }
        if (addsUnmatchedRight(kind)) {
            for (int j = 0; j < found.rightRows().size(); j++) {
                if (!found.rightMatched()[j]) {
                    Object[] row = new Object[names.size()];
                    System.arraycopy(found.rightRows().get(j), 0, row, lw, rw);
                    out.add(row);
                }
            }
        }
        return new MTable(names, types, out);
    }

    /** A cluster: its representative key, and its member values in the order they joined, each with its rows. */
    private static final class Cluster {
        final FuzzyMatcher.Key representative;
        final int firstRow;
        final List<Distinct> members = new ArrayList<>();
        final List<Double> similarities = new ArrayList<>();
        int rows;

        Cluster(Distinct d) {
            representative = d.key;
            firstRow = d.rows.get(0);
        }
    }

    /** One exact key value with the rows holding it. */
    private record Distinct(FuzzyMatcher.Key key, List<Integer> rows) {
    }

    private static List<Cluster> cluster(MTable t, int[] idx, FuzzyMatcher m) {
        Map<GroupKey, Distinct> distinct = new LinkedHashMap<>();
        List<Object[]> rows = t.rows();
        for (int r = 0; r < rows.size(); r++) {
            Object[] row = rows.get(r);
            distinct.computeIfAbsent(new GroupKey(row, idx), k -> new Distinct(m.key(row, idx), new ArrayList<>())).rows().add(r);
        }
        List<Distinct> order = new ArrayList<>(distinct.values());
        order.sort(Comparator.comparingInt((Distinct d) -> -d.rows().size())); // stable: ties by first appearance
        List<Cluster> clusters = new ArrayList<>();
        for (Distinct d : order) {
            Cluster best = null;
            double bestScore = -1;
            if (!d.key().empty) {
                for (Cluster c : clusters) {
                    if (!m.mayMatch(d.key(), c.representative)) {
                        continue;
                    }
                    double s = m.similarity(d.key(), c.representative);
                    if (m.matches(s) && s > bestScore) {
                        best = c;
                        bestScore = s;
                    }
                }
            }
            if (best == null) {
                best = new Cluster(d);
                clusters.add(best);
                bestScore = 1;
            }
            best.members.add(d);
            best.similarities.add(bestScore);
            best.rows += d.rows().size();
        }
        return clusters;
    }

    static MTable group(MTable t, List<String> keys, MList aggregates, FuzzyMatcher m) {
        int[] idx = columns(t, keys);
        List<Cluster> clusters = cluster(t, idx, m);
        List<Cluster> order = new ArrayList<>(clusters);
        order.sort(Comparator.comparingInt((Cluster c) -> -c.rows).thenComparingInt(c -> c.firstRow));
        List<String> partNames = new ArrayList<>(t.columns());
        List<MType> partTypes = new ArrayList<>(t.types());
        if (m.similarityColumn != null) {
            partNames.add(m.similarityColumn);
            partTypes.add(MType.NUMBER.asNullable());
        }
        List<MList> specs = TableShapeFunctions.pairs(aggregates);
        GroupColumns header = GroupColumns.of(t, keys, idx, specs);
        List<String> names = header.names();
        List<MType> types = header.types();
        List<Object[]> rows = t.rows();
        List<Object[]> out = new ArrayList<>();
        for (Cluster c : order) {
            List<Object[]> partRows = new ArrayList<>();
            for (int k = 0; k < c.members.size(); k++) {
                Distinct d = c.members.get(k);
                double s = c.similarities.get(k);
                for (int r : d.rows()) {
                    Object[] row = rows.get(r);
                    if (m.similarityColumn != null) {
                        row = Arrays.copyOf(row, row.length + 1);
                        row[row.length - 1] = s;
                    }
                    partRows.add(row);
                }
            }
            MTable part = new MTable(partNames, partTypes, partRows);
            Object[] row = new Object[names.size()];
            System.arraycopy(c.representative.values, 0, row, 0, idx.length);
            for (int i = 0; i < specs.size(); i++) {
                MFunction f = Values.function(specs.get(i).get(1));
                row[idx.length + i] = new Thunk(() -> f.call(part));
            }
            out.add(row);
        }
        return new MTable(names, types, out);
    }

    static MTable addClusterColumn(MTable t, String column, String newColumn, FuzzyMatcher m) {
        int[] idx = {t.columnIndex(column)};
        if (t.columns().contains(newColumn)) {
            throw Errors.expression("The field '" + newColumn + "' already exists in the record.");
        }
        List<Cluster> clusters = cluster(t, idx, m);
        List<Object[]> rows = t.rows();
        Object[] representative = new Object[rows.size()];
        Double[] similarity = new Double[rows.size()];
        for (Cluster c : clusters) {
            for (int k = 0; k < c.members.size(); k++) {
                for (int r : c.members.get(k).rows()) {
                    representative[r] = c.representative.values[0];
                    similarity[r] = c.representative.empty ? null : c.similarities.get(k);
                }
            }
        }
        List<String> names = new ArrayList<>(t.columns());
        names.add(newColumn);
        List<MType> types = new ArrayList<>(t.types());
        types.add(t.types().get(idx[0]).asNullable());
        if (m.similarityColumn != null) {
            names.add(m.similarityColumn);
            types.add(MType.NUMBER.asNullable());
        }
        List<Object[]> out = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            Object[] row = Arrays.copyOf(rows.get(r), names.size());
            row[t.columns().size()] = representative[r];
            if (m.similarityColumn != null) {
                row[t.columns().size() + 1] = similarity[r];
            }
            out.add(row);
        }
        return new MTable(names, types, out);
    }
}
