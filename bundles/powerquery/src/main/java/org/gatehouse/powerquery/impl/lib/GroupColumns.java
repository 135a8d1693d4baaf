package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.List;

import org.gatehouse.powerquery.impl.value.MList;
import org.gatehouse.powerquery.impl.value.MTable;
import org.gatehouse.powerquery.impl.value.MType;
import org.gatehouse.powerquery.impl.value.Values;

/**
 * The columns of a grouping's result (Table.Group, Table.FuzzyGroup): the key columns with their types, then one
 * column per aggregate {name, function, optional type}.
 */
record GroupColumns(List<String> names, List<MType> types) {

    static GroupColumns of(MTable t, List<String> keys, int[] keyIndexes, List<MList> aggregates) {
        List<String> names = new ArrayList<>(keys);
        List<MType> types = new ArrayList<>();
        for (int i : keyIndexes) {
            types.add(t.types().get(i));
        }
        for (MList aggregate : aggregates) {
            names.add(Values.text(aggregate.get(0)));
            types.add(aggregate.size() > 2 ? Values.type(aggregate.get(2)) : MType.ANY);
        }
        return new GroupColumns(names, types);
    }
}
