package org.gatehouse.powerquery.impl.eval;

import static org.gatehouse.powerquery.impl.eval.M.fails;
import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/**
 * A value too large to build is an M error of the expression that asked for it, not a Java error that ends the
 * refresh, the eval run or the gateway's evaluation thread. Text.Repeat past Java's longest string fails at once,
 * without filling the heap, so the test is cheap.
 */
public class TooLargeValuesTest {

    private static final String TOO_LONG = "Text.Repeat(\"xy\", 2000000000)";

    @Test
    public void aTooLargeValueIsAnExpressionError() {
        fails("Expression.Error", TOO_LONG);
    }

    @Test
    public void tryCatchesIt() {
        same("\"caught\"", "try " + TOO_LONG + " otherwise \"caught\"");
        same("true", "(try Text.Length(" + TOO_LONG + "))[HasError]");
    }
}
