package org.gatehouse.powerquery.impl.eval;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.gatehouse.powerquery.LocalFileAccess;
import org.gatehouse.powerquery.MException;
import org.gatehouse.powerquery.impl.value.Values;

/** Test helper: evaluate M text and compare with M equality against another M expression. */
public final class M {

    private M() {
    }

    public static Object eval(String expression) {
        return Values.strip(new Engine(new LocalFileAccess()).evaluate(expression));
    }

    /** Asserts {@code expression = expected} under M equality, both evaluated by the engine. */
    public static void same(String expected, String expression) {
        Engine e = new Engine(new LocalFileAccess());
        Object actual = e.evaluate(expression);
        Object wanted = e.evaluate(expected);
        assertTrue(expression + " gave " + Values.toText(actual) + " (" + Values.kind(actual) + "), expected " + expected,
                Values.equal(actual, wanted));
    }

    public static void fails(String reason, String expression) {
        try {
            Object v = eval(expression);
            Values.toText(v);
            fail(expression + " should fail but gave " + Values.toText(v));
        } catch (MException e) {
            assertEquals(expression + ": " + e.getMessage(), reason, e.reason());
        }
    }
}
