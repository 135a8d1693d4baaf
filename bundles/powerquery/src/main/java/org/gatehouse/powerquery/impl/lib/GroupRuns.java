package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.List;

import org.gatehouse.powerquery.impl.value.MFunction;
import org.gatehouse.powerquery.impl.value.MRecord;
import org.gatehouse.powerquery.impl.value.MTable;
import org.gatehouse.powerquery.impl.value.RowCursor;
import org.gatehouse.powerquery.impl.value.Thunk;
import org.gatehouse.powerquery.impl.value.Values;

/**
 * Table.Group's groups when the query asks for GroupKind.Local or gives a comparer. A local group is a run of
 * consecutive rows whose keys compare equal to the run's first row; a new run starts at the first row that does not,
 * even when an earlier group had its key. With a comparer, "equal" is what the comparer says: a library comparer
 * (Comparer.OrdinalIgnoreCase) compares the key values one by one, any other function gets the two key records (the
 * group's first and the row's), which is how queries cut a table at header rows with
 * {@code (start, row) => Number.From(row[Kind] = "Header")}.
 */
final class GroupRuns {

    private GroupRuns() {
    }

    static List<List<Object[]>> split(MTable t, List<String> keys, int[] idx, boolean local, MFunction comparer) {
        List<List<Object[]>> groups = new ArrayList<>();
        List<Object[]> current = null;
        try (RowCursor rows = t.cursor()) {
            for (Object[] row = rows.next(); row != null; row = rows.next()) {
                if (local) {
                    if (current == null || !sameKey(current.get(0), row, keys, idx, comparer)) {
                        current = new ArrayList<>();
                        groups.add(current);
                    }
                    current.add(row);
                } else {
                    globalGroupOf(groups, row, keys, idx, comparer).add(row);
                }
            }
        }
        return groups;
    }

    /** The group whose first row's key the comparer calls equal, or a new one at the end. */
    private static List<Object[]> globalGroupOf(List<List<Object[]>> groups, Object[] row, List<String> keys, int[] idx,
            MFunction comparer) {
        for (List<Object[]> g : groups) {
            if (sameKey(g.get(0), row, keys, idx, comparer)) {
                return g;
            }
        }
        List<Object[]> created = new ArrayList<>();
        groups.add(created);
        return created;
    }

    private static boolean sameKey(Object[] first, Object[] row, List<String> keys, int[] idx, MFunction comparer) {
        if (comparer == null) {
            for (int i : idx) {
                if (!Values.equal(Thunk.force(first[i]), Thunk.force(row[i]))) {
                    return false;
                }
            }
            return true;
        }
        if (comparer.name() != null && comparer.name().startsWith("Comparer.")) {
            for (int i : idx) {
                if (Values.number(comparer.call(Thunk.force(first[i]), Thunk.force(row[i]))) != 0) {
                    return false;
                }
            }
            return true;
        }
        return Values.number(comparer.call(keyRecord(first, keys, idx), keyRecord(row, keys, idx))) == 0;
    }

    private static MRecord keyRecord(Object[] row, List<String> keys, int[] idx) {
        List<Object> values = new ArrayList<>();
        for (int i : idx) {
            values.add(row[i]);
        }
        return new MRecord(keys, values);
    }
}
