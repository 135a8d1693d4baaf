package org.gatehouse.powerquery.impl.eval;

import org.gatehouse.powerquery.impl.syntax.Expr;
import org.gatehouse.powerquery.impl.value.Errors;
import org.gatehouse.powerquery.impl.value.MFunction;
import org.gatehouse.powerquery.impl.value.MType;
import org.gatehouse.powerquery.impl.value.Thunk;
import org.gatehouse.powerquery.impl.value.Values;

/** A function defined in M: its parameters, body and the scope it was created in. */
final class Closure extends MFunction {

    private final Expr.Function definition;
    private final Env scope;
    private final int required;
    /** The function's type, built once: parameter assertions are checked against it on every call. */
    private MType type;

    Closure(Expr.Function definition, Env scope) {
        this.definition = definition;
        this.scope = scope;
        this.required = (int) definition.parameters().stream().filter(p -> !p.optional()).count();
    }

    @Override
    public Object invoke(Object[] args) {
        Cancellation.check(); // library loops (List.Generate, List.Accumulate...) call closures without the evaluator
        Env env = new Env(scope);
        for (int i = 0; i < definition.parameters().size(); i++) {
            Expr.Parameter p = definition.parameters().get(i);
            Object arg = i < args.length ? args[i] : null;
            if (p.type() != null) {
                checkType(type().fieldTypes().get(i), arg, p.name());
            }
            env.define(p.name(), Thunk.of(arg));
        }
        Object result = Evaluator.eval(definition.body(), env);
        if (definition.returnType() != null) {
            checkType(type().returnType(), result, "return value");
        }
        return result;
    }

    /** The declared signature; parameters and return without an assertion are any, optional ones nullable. */
    @Override
    public MType type() {
        if (type == null) {
            type = TypeBuilder.function(definition.parameters(), definition.returnType(), scope);
        }
        return type;
    }

    private static void checkType(MType type, Object value, String what) {
        if (!type.accepts(Values.strip(value))) {
            throw Errors.expression("We cannot convert the value " + Values.describe(value) + " to type "
                    + type + " (" + what + ").");
        }
    }

    Expr.Function definition() {
        return definition;
    }

    Env scope() {
        return scope;
    }

    @Override
    public int minArity() {
        return required;
    }

    @Override
    public int maxArity() {
        return definition.parameters().size();
    }

    @Override
    public String name() {
        return "function";
    }
}
