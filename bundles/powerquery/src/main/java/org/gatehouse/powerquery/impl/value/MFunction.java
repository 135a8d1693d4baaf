package org.gatehouse.powerquery.impl.value;

/** An M function value: a closure over M source or a library function written in Java. */
public abstract class MFunction {

    /** Invokes with already evaluated arguments (possibly carrying metadata); arity was checked by the caller. */
    public abstract Object invoke(Object[] args);

    public abstract int minArity();

    public abstract int maxArity();

    public abstract String name();

    /**
     * The function's type. A library function knows only its arity, so its parameters are named by position and typed
     * any; closures and functions given a type by Value.ReplaceType or Function.From know better.
     */
    public MType type() {
        int count = maxArity() == Integer.MAX_VALUE ? minArity() : maxArity();
        java.util.List<String> names = new java.util.ArrayList<>();
        java.util.List<MType> types = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add("argument" + (i + 1));
            types.add(MType.ANY);
        }
        return MType.function(names, types, minArity(), MType.ANY);
    }

    /** Invoke from Java with the same arity checks the evaluator applies. */
    public Object call(Object... args) {
        if (args.length < minArity() || args.length > maxArity()) {
            throw Errors.expression("The function " + name() + " expects " + minArity()
                    + (maxArity() != minArity() ? " to " + maxArity() : "") + " arguments but got " + args.length + ".");
        }
        Object[] full = args;
        if (args.length < maxArity() && maxArity() < Integer.MAX_VALUE) {
            full = java.util.Arrays.copyOf(args, maxArity());
        }
        return invoke(full);
    }
}
