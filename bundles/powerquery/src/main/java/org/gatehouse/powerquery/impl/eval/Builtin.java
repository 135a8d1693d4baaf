package org.gatehouse.powerquery.impl.eval;

import org.gatehouse.powerquery.MException;
import org.gatehouse.powerquery.impl.value.Errors;
import org.gatehouse.powerquery.impl.value.MFunction;

/** A library function written in Java; missing optional arguments arrive as null. */
public final class Builtin extends MFunction {

    /** The Java body: arguments are evaluated, possibly metadata-wrapped values. */
    @FunctionalInterface
    public interface Body {
        Object apply(Object[] args);
    }

    private final String name;
    private final int min;
    private final int max;
    private final Body body;

    public Builtin(String name, int min, int max, Body body) {
        this.name = name;
        this.min = min;
        this.max = max;
        this.body = body;
    }

    @Override
    public Object invoke(Object[] args) {
        try {
            return body.apply(args);
        } catch (MException e) {
            throw e;
        } catch (RuntimeException e) {
            // A Java failure inside a library function (a bad format pattern, an index out of range...) is still an M
            // error of that call: it must be catchable by try and must not abort a whole refresh or eval run.
            throw Errors.expression(name + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    @Override
    public int minArity() {
        return min;
    }

    @Override
    public int maxArity() {
        return max;
    }

    @Override
    public String name() {
        return name;
    }
}
