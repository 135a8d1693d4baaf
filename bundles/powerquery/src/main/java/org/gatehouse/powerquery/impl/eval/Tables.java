package org.gatehouse.powerquery.impl.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gatehouse.powerquery.impl.value.MTable;
import org.gatehouse.powerquery.impl.value.MType;
import org.gatehouse.powerquery.impl.value.RowStreams;

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
        List<int[]> placements = new ArrayList<>();
        for (MTable t : tables) {
            int[] map = new int[names.size()];
            for (int i = 0; i < map.length; i++) {
                map[i] = t.columns().indexOf(names.get(i));
            }
            placements.add(map);
        }
        if (tables.stream().anyMatch(MTable::isStreamed)) {
            return RowStreams.concat(List.copyOf(tables), names, new ArrayList<>(columns.values()), placements);
        }
        List<Object[]> rows = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) {
            int[] map = placements.get(t);
            for (Object[] row : tables.get(t).rows()) {
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
