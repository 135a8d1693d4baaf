package org.gatehouse.powerquery;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.gatehouse.powerquery.impl.value.MTable;
import org.gatehouse.powerquery.impl.value.MType;
import org.gatehouse.powerquery.impl.value.RowStreams;

/**
 * The columns of a query's table that Excel loads into a sheet: a column declared as a table, record, list, binary,
 * function or type (the "All Rows" of a Table.Group, Folder.Files' Content and Attributes) is left out of the
 * sheet table and of its FillColumnNames, so a refresh leaves it out too.
 */
final class SheetColumns {

    private static final Set<String> NOT_LOADED = Set.of("table", "record", "list", "function", "type", "binary");

    private SheetColumns() {
    }

    static MTable loaded(MTable t) {
        List<Integer> kept = new ArrayList<>();
        for (int c = 0; c < t.columns().size(); c++) {
            if (!NOT_LOADED.contains(t.types().get(c).kind())) {
                kept.add(c);
            }
        }
        if (kept.size() == t.columns().size() || kept.isEmpty()) {
            return t; // nothing structured, or nothing else: a table of only nested values still shows something
        }
        List<String> names = new ArrayList<>();
        List<MType> types = new ArrayList<>();
        for (int c : kept) {
            names.add(t.columns().get(c));
            types.add(t.types().get(c));
        }
        int[] idx = kept.stream().mapToInt(Integer::intValue).toArray();
        return RowStreams.map(t, names, types, row -> {
            Object[] out = new Object[idx.length];
            for (int i = 0; i < idx.length; i++) {
                out[i] = row[idx[i]];
            }
            return out;
        });
    }
}
