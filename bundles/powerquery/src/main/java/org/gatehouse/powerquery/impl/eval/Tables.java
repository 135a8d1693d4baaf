package org.gatehouse.powerquery.impl.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gatehouse.powerquery.impl.value.MTable;
import org.gatehouse.powerquery.impl.value.MType;

/** Table helpers shared by operators and the library. */
public final class Tables {

    private Tables() {
    }

    /** Appends tables; the column set is the union in first-seen order, missing cells are null. */
    public static MTable combine(List<MTable> tables) {
        Map<String, MType> columns = new LinkedHashMap<>();
        for (MTable t : tables) {
            for (int i = 0; i < t.columns().size(); i++) {
                columns.putIfAbsent(t.columns().get(i), t.types().get(i));
            }
        }
        List<String> names = new ArrayList<>(columns.keySet());
        List<Object[]> rows = new ArrayList<>();
        for (MTable t : tables) {
            int[] map = new int[names.size()];
            for (int i = 0; i < map.length; i++) {
                map[i] = t.columns().indexOf(names.get(i));
            }
            for (Object[] row : t.rows()) {
                Object[] out = new Object[map.length];
                for (int i = 0; i < map.length; i++) {
                    out[i] = map[i] < 0 ? null : row[map[i]];
                }
                rows.add(out);
            }
        }
        return new MTable(names, new ArrayList<>(columns.values()), rows);
    }
}
