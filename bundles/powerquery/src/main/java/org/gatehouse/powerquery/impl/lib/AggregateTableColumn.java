package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.List;

import org.gatehouse.powerquery.impl.eval.Access;
import org.gatehouse.powerquery.impl.value.Errors;
import org.gatehouse.powerquery.impl.value.MFunction;
import org.gatehouse.powerquery.impl.value.MList;
import org.gatehouse.powerquery.impl.value.MTable;
import org.gatehouse.powerquery.impl.value.MType;
import org.gatehouse.powerquery.impl.value.RowStreams;
import org.gatehouse.powerquery.impl.value.Thunk;
import org.gatehouse.powerquery.impl.value.Values;

/**
 * Table.AggregateTableColumn: a column of nested tables becomes one column per aggregation, in its place, each the
 * aggregation function applied to one column of the nested table. Cells stay lazy; a null nested table gives nulls.
 */
final class AggregateTableColumn {

    private record Aggregation(String column, MFunction function, String name) { }

    private AggregateTableColumn() {
    }

    static MTable aggregate(MTable t, String column, MList specs) {
        int at = t.columnIndex(column);
        List<Aggregation> aggregations = new ArrayList<>();
        for (Object item : specs.values()) {
            MList spec = Values.list(item);
            if (spec.size() != 3) {
                throw Errors.expression("An aggregation is {column, function, new column name}.");
            }
            aggregations.add(new Aggregation(Values.text(spec.get(0)), Values.function(spec.get(1)),
                    Values.text(spec.get(2))));
        }
        List<String> names = new ArrayList<>(t.columns().subList(0, at));
        List<MType> types = new ArrayList<>(t.types().subList(0, at));
        aggregations.forEach(g -> {
            names.add(g.name());
            types.add(MType.ANY);
        });
        names.addAll(t.columns().subList(at + 1, t.columns().size()));
        types.addAll(t.types().subList(at + 1, t.types().size()));
        int width = t.columns().size();
        int added = aggregations.size();
        return RowStreams.map(t, names, types, row -> {
            Object[] out = new Object[width - 1 + added];
            System.arraycopy(row, 0, out, 0, at);
            Object nested = row[at];
            for (int i = 0; i < added; i++) {
                Aggregation g = aggregations.get(i);
                out[at + i] = new Thunk(() -> {
                    Object table = Thunk.force(nested);
                    return table == null ? null : g.function().call(Access.field(Values.table(table), g.column(), false));
                });
            }
            System.arraycopy(row, at + 1, out, at + added, width - at - 1);
            return out;
        });
    }
}
