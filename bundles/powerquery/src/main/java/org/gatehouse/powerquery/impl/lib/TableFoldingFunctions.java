package org.gatehouse.powerquery.impl.lib;

/**
 * Functions that steer query folding or report what a source knows about a table. Nothing folds here and no source
 * partitions its tables, so they are identities or plain answers: the approximate row count is the exact one.
 */
final class TableFoldingFunctions {

    private TableFoldingFunctions() {
    }

    static void register(Library lib) {
        lib.fn("Table.StopFolding", 1, 1, a -> Args.table(a, 0));
        lib.fn("Table.ApproximateRowCount", 1, 1, a -> (double) Args.table(a, 0).countRows());
        lib.fn("Table.PartitionKey", 1, 1, a -> {
            Args.table(a, 0);
            return null;
        });
        lib.fn("Type.TablePartitionKey", 1, 1, a -> {
            TypeFunctions.ofKind(a, "table");
            return null;
        });
    }
}
