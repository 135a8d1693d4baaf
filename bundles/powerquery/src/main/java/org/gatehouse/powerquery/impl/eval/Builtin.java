package org.gatehouse.powerquery.impl.eval;

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
        return body.apply(args);
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
