package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gatehouse.powerquery.impl.value.MTable;
import org.gatehouse.powerquery.impl.value.MType;
import org.gatehouse.powerquery.impl.value.RowCursor;

/**
 * Table.Join's inner join as a hash join: the left rows are hashed by their key, the right rows probe them. Rows come
 * in the right table's order, each with its matching left rows in theirs, which is the order Power Query gives; and
 * the work is linear instead of comparing every pair of rows.
 */
final class InnerJoin {

    private InnerJoin() {
    }

    /** The left columns, then the right's {@code rightFields} (the shared key columns already left out by the caller). */
    static MTable join(MTable left, List<String> leftKeys, MTable right, List<String> rightKeys, List<String> rightFields) {
        int[] li = leftKeys.stream().mapToInt(left::columnIndex).toArray();
        int[] ri = rightKeys.stream().mapToInt(right::columnIndex).toArray();
        int[] fields = rightFields.stream().mapToInt(right::columnIndex).toArray();
        Map<GroupKey, List<Object[]>> byKey = new HashMap<>();
        for (Object[] l : left.rows()) {
            byKey.computeIfAbsent(new GroupKey(l, li), k -> new ArrayList<>()).add(l);
        }
        int width = left.columns().size();
        List<Object[]> out = new ArrayList<>();
        try (RowCursor rows = right.cursor()) {
            for (Object[] r = rows.next(); r != null; r = rows.next()) {
                for (Object[] l : byKey.getOrDefault(new GroupKey(r, ri), List.of())) {
                    Object[] row = java.util.Arrays.copyOf(l, width + fields.length);
                    for (int i = 0; i < fields.length; i++) {
                        row[width + i] = r[fields[i]];
                    }
                    out.add(row);
                }
            }
        }
        List<String> names = new ArrayList<>(left.columns());
        names.addAll(rightFields);
        List<MType> types = new ArrayList<>(left.types());
        for (int f : fields) {
            types.add(right.types().get(f));
        }
        return new MTable(names, types, out);
    }
}
