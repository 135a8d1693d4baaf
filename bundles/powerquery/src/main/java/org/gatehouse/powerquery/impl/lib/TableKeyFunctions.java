package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.List;

import org.gatehouse.powerquery.impl.value.MTable;
import org.gatehouse.powerquery.impl.value.TableKey;
import org.gatehouse.powerquery.impl.value.Values;

/** Table.AddKey, Table.Keys, Table.ReplaceKeys and Table.Schema: a table's type seen from the table. */
final class TableKeyFunctions {

    private TableKeyFunctions() {
    }

    static void register(Library lib) {
        lib.fn("Table.AddKey", 3, 3, a -> {
            MTable t = Args.table(a, 0);
            List<TableKey> keys = new ArrayList<>(t.keys());
            keys.add(TableKey.of(Args.list(a, 1), Values.logical(Args.v(a, 2)), t.columns()));
            return t.withKeys(TableKey.withOnePrimary(keys));
        });
        lib.fn("Table.Keys", 1, 1, a -> TableKey.toList(Args.table(a, 0).keys()));
        lib.fn("Table.ReplaceKeys", 2, 2, a -> {
            MTable t = Args.table(a, 0);
            return t.withKeys(TableKey.fromList(Args.list(a, 1), t.columns()));
        });
        lib.fn("Table.Schema", 1, 1, a -> TableSchema.of(Args.table(a, 0).type()));
    }
}
