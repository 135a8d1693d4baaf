package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.gatehouse.powerquery.impl.value.*;

/**
 * Table.Distinct when its equation criteria compares with a comparer or a function (the plain column forms hash
 * rows in {@link TableFunctions}). The first row of each set of equal rows is kept, as List.Distinct keeps the
 * first item.
 */
final class DistinctRows {

    private DistinctRows() {
    }

    /** Rows distinct on the columns, each compared with its comparer. */
    static MTable byColumns(MTable t, List<TableEquationCriteria.Column> columns) {
        int[] idx = columns.stream().mapToInt(c -> t.columnIndex(c.name())).toArray();
        List<Object[]> out = new ArrayList<>();
        if (columns.stream().allMatch(TableEquationCriteria.Column::hashable)) {
            // library comparers: equal values have equal folded keys, so a hash set finds the duplicates
            Set<GroupKey> seen = new HashSet<>();
            int[] all = new int[idx.length];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            for (Object[] row : t.rows()) {
                Object[] key = new Object[idx.length];
                for (int i = 0; i < idx.length; i++) {
                    key[i] = columns.get(i).hashKey(Thunk.force(row[idx[i]]));
                }
                if (seen.add(new GroupKey(key, all))) {
                    out.add(row);
                }
            }
            return TableFunctions.rows(t, out);
        }
        // any other comparer: compare with each row kept so far
        for (Object[] row : t.rows()) {
            if (out.stream().noneMatch(kept -> same(kept, row, columns, idx))) {
                out.add(row);
            }
        }
        return TableFunctions.rows(t, out);
    }

    /** A two-argument comparer compares every column; a one-argument key selector keys each row's record. */
    static MTable byFunction(MTable t, MFunction f) {
        if (f.minArity() == 2) {
            List<TableEquationCriteria.Column> columns = new ArrayList<>();
            for (String c : t.columns()) {
                columns.add(new TableEquationCriteria.Column(c, f));
            }
            return byColumns(t, columns);
        }
        Set<GroupKey> seen = new HashSet<>();
        List<Object[]> out = new ArrayList<>();
        for (Object[] row : t.rows()) {
            Object key = f.call(MRecord.ofRow(t.columns(), row));
            if (seen.add(new GroupKey(new Object[] {key}, new int[] {0}))) {
                out.add(row);
            }
        }
        return TableFunctions.rows(t, out);
    }

    private static boolean same(Object[] x, Object[] y, List<TableEquationCriteria.Column> columns, int[] idx) {
        for (int i = 0; i < idx.length; i++) {
            if (!columns.get(i).equal(Thunk.force(x[idx[i]]), Thunk.force(y[idx[i]]))) {
                return false;
            }
        }
        return true;
    }
}
