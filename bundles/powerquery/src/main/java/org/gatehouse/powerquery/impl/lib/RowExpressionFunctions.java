package org.gatehouse.powerquery.impl.lib;

import org.gatehouse.powerquery.impl.eval.FunctionExpressions;
import org.gatehouse.powerquery.impl.value.Values;

/** RowExpression.* and ItemExpression.*: a function's body as an expression tree, for Table.View's OnSelectRows. */
final class RowExpressionFunctions {

    private RowExpressionFunctions() {
    }

    static void register(Library lib) {
        lib.fn("RowExpression.From", 1, 1, a -> FunctionExpressions.from(a[0]));
        lib.fn("ItemExpression.From", 1, 1, a -> FunctionExpressions.from(a[0]));
        lib.fn("RowExpression.Column", 1, 1, a -> FunctionExpressions.column(Values.text(a[0])));
        lib.value("RowExpression.Row", FunctionExpressions.PARAMETER);
        lib.value("ItemExpression.Item", FunctionExpressions.PARAMETER);
    }
}
