package org.gatehouse.powerquery.impl.value;

/**
 * A function with a type given to it (Value.ReplaceType, Function.From). The type's parameter and return assertions are
 * only what Value.Type reports: as the spec says, they do not change what the function does.
 */
public final class AscribedFunction extends MFunction {

    private final MFunction inner;
    private final MType type;

    private AscribedFunction(MFunction inner, MType type) {
        this.inner = inner;
        this.type = type;
    }

    /** {@code function} with {@code type}, which must have as many required and optional parameters. */
    public static MFunction of(MFunction function, MType type) {
        MFunction inner = function instanceof AscribedFunction a ? a.inner : function;
        if (type.fieldNames() == null) {
            return inner; // type function itself: no signature to ascribe
        }
        int optional = type.fieldList().size() - type.requiredParameters();
        int innerOptional = inner.maxArity() - inner.minArity();
        if (type.requiredParameters() != inner.minArity() || optional != innerOptional) {
            throw Errors.expression("The function type " + type + " does not match the function's "
                    + inner.minArity() + " required and " + innerOptional + " optional parameters.");
        }
        return new AscribedFunction(inner, type);
    }

    /** Gives a function of any arity a type without checking it against the arity: Function.From's wrapper. */
    public static MFunction trusted(MFunction function, MType type) {
        return new AscribedFunction(function, type);
    }

    @Override
    public Object invoke(Object[] args) {
        return inner.invoke(args);
    }

    @Override
    public int minArity() {
        return inner.minArity();
    }

    @Override
    public int maxArity() {
        return inner.maxArity();
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public MType type() {
        return type;
    }
}
