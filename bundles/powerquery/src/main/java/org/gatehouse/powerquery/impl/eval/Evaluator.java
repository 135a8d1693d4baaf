package org.gatehouse.powerquery.impl.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gatehouse.powerquery.MException;
import org.gatehouse.powerquery.impl.syntax.Expr;
import org.gatehouse.powerquery.impl.syntax.Expr.*;
import org.gatehouse.powerquery.impl.value.*;

/**
 * Tree-walking evaluator. Laziness comes from {@link Thunk}s: let bindings, record fields and list items are only
 * computed when read, so an unused failing step never fails a query. Function arguments are evaluated before the call.
 */
public final class Evaluator {

    private Evaluator() {
    }

    /** Evaluates to a value that may carry metadata. */
    public static Object eval(Expr e, Env env) {
        if (e instanceof Literal l) {
            return l.value();
        }
        if (e instanceof Identifier id) {
            Thunk t = env.lookup(id.name());
            if (!id.inclusive() && t.isComputing()) {
                t = env.lookupPast(id.name(), t); // a plain reference from a binding's own initializer looks outward
            }
            return t.raw();
        }
        if (e instanceof Let let) {
            Env scope = new Env(env);
            for (Binding b : let.bindings()) {
                if (scope.definesHere(b.name())) {
                    // like a record's fields, a let's variables must be unique, or the later one would silently win
                    throw Errors.expression("The variable named '" + b.name() + "' is defined more than once.");
                }
                Env own = initializerScope(b, scope, env);
                scope.define(b.name(), new Thunk(() -> eval(b.value(), own)));
            }
            return eval(let.body(), scope);
        }
        if (e instanceof If i) {
            Object c = value(i.condition(), env);
            if (!(c instanceof Boolean)) {
                throw Errors.cannotConvert(c, "Logical");
            }
            return eval((Boolean) c ? i.whenTrue() : i.whenFalse(), env);
        }
        if (e instanceof Function f) {
            return new Closure(f, env);
        }
        if (e instanceof Invoke inv) {
            return invoke(inv, env);
        }
        if (e instanceof RecordLiteral r) {
            return record(r, env);
        }
        if (e instanceof ListLiteral l) {
            return list(l, env);
        }
        if (e instanceof FieldAccess f) {
            Object target = f.target() == null ? env.lookup("_").force() : value(f.target(), env);
            return Access.field(target, f.field(), f.optional());
        }
        if (e instanceof Projection p) {
            Object target = p.target() == null ? env.lookup("_").force() : value(p.target(), env);
            return Access.project(target, p.fields(), p.optional());
        }
        if (e instanceof ItemAccess a) {
            return Access.item(value(a.target(), env), value(a.key(), env), a.optional());
        }
        if (e instanceof Binary b) {
            return binary(b, env);
        }
        if (e instanceof Unary u) {
            return Operators.unary(u.operator(), value(u.operand(), env));
        }
        if (e instanceof ErrorRaise r) {
            throw Errors.fromValue(value(r.value(), env));
        }
        if (e instanceof Try t) {
            return tryExpression(t, env);
        }
        if (e instanceof NotImplemented) {
            throw new MException("Expression.Error", "Not Implemented");
        }
        if (e instanceof TypeValue t) {
            return TypeBuilder.build(t.spec(), env);
        }
        if (e instanceof TypeSpec s) {
            return TypeBuilder.build(s, env);
        }
        throw new IllegalStateException("unknown expression " + e);
    }

    /** Evaluates and drops metadata: what operators and most functions see. */
    public static Object value(Expr e, Env env) {
        return Values.strip(eval(e, env));
    }

    private static Object invoke(Invoke inv, Env env) {
        Cancellation.check();
        MFunction f = Values.function(value(inv.function(), env));
        int n = inv.arguments().size();
        if (n < f.minArity() || n > f.maxArity()) {
            throw Errors.expression("The function " + f.name() + " expects " + f.minArity()
                    + (f.maxArity() != f.minArity() ? (f.maxArity() == Integer.MAX_VALUE ? " or more" : " to " + f.maxArity()) : "")
                    + " arguments but was given " + n + " (line " + inv.line() + ").");
        }
        Object[] args = new Object[Math.max(n, f.maxArity() == Integer.MAX_VALUE ? n : f.maxArity())];
        try {
            for (int i = 0; i < n; i++) {
                args[i] = eval(inv.arguments().get(i), env);
            }
            return f.invoke(args);
        } catch (StackOverflowError e) {
            throw new MException("Expression.Error", "Evaluation ran out of stack (recursion too deep).");
        } catch (OutOfMemoryError e) {
            // a value too large to build (Text.Repeat("x", 2e9), a buffer of billions of items): the call fails as an
            // M error, catchable by try; what it allocated is garbage once unwound, so the refresh or eval run goes on
            throw new MException("Expression.Error", "Evaluation ran out of memory (" + e.getMessage() + ").");
        }
    }

    /**
     * Where a let variable's or record field's initializer is evaluated. The spec leaves the binding itself out of its
     * own initializer's scope (only {@code @name} sees it), so a plain reference to its name means the enclosing
     * scope's binding, also in the initializer's lazy parts evaluated later: in
     * {@code (SheetNames) => let SheetNames = if SheetNames is text then {SheetNames} else SheetNames in ...} the list
     * holds the parameter. Without an outer binding of the name the reference stays the binding's own (a recursive
     * function).
     */
    private static Env initializerScope(Binding b, Env scope, Env outer) {
        if (!b.mentionsItself() || !outer.has(b.name())) {
            return scope;
        }
        Env own = new Env(scope);
        own.define(b.name(), outer.lookup(b.name()));
        return own;
    }

    /** Fields see each other (and the record's enclosing scope) lazily, like let bindings. */
    private static MRecord record(RecordLiteral r, Env env) {
        Env scope = new Env(env);
        List<String> names = new ArrayList<>();
        List<Object> slots = new ArrayList<>();
        for (Binding b : r.fields()) {
            if (names.contains(b.name())) {
                throw Errors.expression("The name '" + b.name() + "' is defined more than once.");
            }
            Env own = initializerScope(b, scope, env);
            Thunk t = new Thunk(() -> eval(b.value(), own));
            scope.define(b.name(), t);
            names.add(b.name());
            slots.add(t);
        }
        return new MRecord(names, slots);
    }

    private static MList list(ListLiteral l, Env env) {
        if (l.items().size() == 1 && l.items().get(0).to() != null) {
            return range(value(l.items().get(0).from(), env), value(l.items().get(0).to(), env));
        }
        List<Object> slots = new ArrayList<>();
        for (ListItem item : l.items()) {
            if (item.to() == null) {
                slots.add(new Thunk(() -> eval(item.from(), env)));
            } else {
                slots.addAll(range(value(item.from(), env), value(item.to(), env)).slots());
            }
        }
        return new MList(slots);
    }

    private static MList range(Object from, Object to) {
        if (Values.strip(from) instanceof String f && Values.strip(to) instanceof String t) {
            return characterRange(f, t);
        }
        double a = Values.number(from), b = Values.number(to);
        if (a != Math.rint(a) || b != Math.rint(b)) {
            throw Errors.expression("A list range needs whole numbers.");
        }
        if (b - a + 1 > Integer.MAX_VALUE) {
            throw Errors.expression("The list range is too long.");
        }
        return MList.arithmetic(a, 1, (int) Math.max(0, b - a + 1));
    }

    /** {"a".."z"}: the single characters from one code point to another. */
    private static MList characterRange(String from, String to) {
        if (from.codePointCount(0, from.length()) != 1 || to.codePointCount(0, to.length()) != 1) {
            throw Errors.expression("A list range of texts needs single characters.");
        }
        java.util.List<Object> chars = new java.util.ArrayList<>();
        for (int c = from.codePointAt(0); c <= to.codePointAt(0); c++) {
            chars.add(new String(Character.toChars(c)));
        }
        return new MList(chars);
    }

    private static Object binary(Binary b, Env env) {
        switch (b.operator()) {
            case "and": {
                Object l = value(b.left(), env);
                if (Boolean.FALSE.equals(l)) {
                    return false;
                }
                Object r = value(b.right(), env);
                return Operators.and(l, r);
            }
            case "or": {
                Object l = value(b.left(), env);
                if (Boolean.TRUE.equals(l)) {
                    return true;
                }
                Object r = value(b.right(), env);
                return Operators.or(l, r);
            }
            case "??": {
                Object l = eval(b.left(), env);
                return Values.strip(l) != null ? l : eval(b.right(), env);
            }
            case "meta": {
                Object l = eval(b.left(), env);
                MRecord m = Values.record(value(b.right(), env));
                if (l instanceof WithMeta w) {
                    return new WithMeta(w.value(), Operators.mergeRecords(w.metadata(), m));
                }
                return new WithMeta(l, m);
            }
            case "is": {
                Object l = value(b.left(), env);
                return TypeBuilder.build(b.right(), env).accepts(l);
            }
            case "as": {
                Object l = value(b.left(), env);
                MType t = TypeBuilder.build(b.right(), env);
                if (!t.accepts(l)) {
                    // Power Query names the primitive type as a conversion does: "to type Text", not "to type text"
                    throw Errors.cannotConvert(l, t);
                }
                return l;
            }
            default:
                return Operators.binary(b.operator(), value(b.left(), env), value(b.right(), env));
        }
    }

    private static Object tryExpression(Try t, Env env) {
        try {
            Object v = eval(t.body(), env);
            if (t.otherwise() == null && t.catchFunction() == null) {
                return MRecord.of("HasError", false, "Value", v);
            }
            return v;
        } catch (MException e) {
            if (t.otherwise() != null) {
                return eval(t.otherwise(), env);
            }
            MRecord error = Errors.record(e);
            if (t.catchFunction() != null) {
                Closure handler = new Closure(t.catchFunction(), env);
                return handler.invoke(handler.maxArity() == 0 ? new Object[0] : new Object[] {error});
            }
            return MRecord.of("HasError", true, "Error", error);
        }
    }

    static List<Object> padded(Object[] args, int n) {
        return Arrays.asList(Arrays.copyOf(args, n));
    }
}
