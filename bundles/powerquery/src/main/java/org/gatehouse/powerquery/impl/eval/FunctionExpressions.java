package org.gatehouse.powerquery.impl.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gatehouse.powerquery.impl.syntax.Expr;
import org.gatehouse.powerquery.impl.syntax.SyntaxSearch;
import org.gatehouse.powerquery.impl.value.Errors;
import org.gatehouse.powerquery.impl.value.MList;
import org.gatehouse.powerquery.impl.value.MRecord;
import org.gatehouse.powerquery.impl.value.Values;

/**
 * RowExpression.From / ItemExpression.From: the body of a one-parameter function as the records Microsoft's M reference
 * shows (Kind = "Binary", Operator = "Equals", Left = RowExpression.Column("CustomerName"), Right = [Kind = "Constant",
 * Value = "ALFKI"]). Connectors read these trees in Table.View's OnSelectRows to fold a filter into a source query.
 * <p>
 * The reference says the tree holds only Constant, Invocation, Unary, Binary, If and FieldAccess nodes. So a part of the
 * body that neither reads the parameter nor calls a function is evaluated, in the function's own scope, into a Constant
 * (a let variable, a negative literal, a list); calls keep their shape, with the called function as a Constant, so a
 * connector can recognise Text.StartsWith or #date. A part that reads the parameter in any other construct (let, record,
 * try, a nested function...) cannot be a row expression and raises an Expression.Error, as the reference says.
 */
public final class FunctionExpressions {

    /** RowExpression.Row and ItemExpression.Item: the reference says the two are the same value. */
    public static final MRecord PARAMETER = MRecord.of("Kind", "Row");

    private static final Map<String, String> BINARY = Map.ofEntries(
            Map.entry("=", "Equals"), Map.entry("<>", "NotEquals"),
            Map.entry("<", "LessThan"), Map.entry("<=", "LessThanOrEquals"),
            Map.entry(">", "GreaterThan"), Map.entry(">=", "GreaterThanOrEquals"),
            Map.entry("and", "And"), Map.entry("or", "Or"),
            Map.entry("+", "Add"), Map.entry("-", "Subtract"), Map.entry("*", "Multiply"), Map.entry("/", "Divide"),
            Map.entry("&", "Concatenate"));

    private static final Map<String, String> UNARY = Map.of("not", "Not", "-", "Negative", "+", "Positive");

    private FunctionExpressions() {
    }

    /** RowExpression.Column(name): the access of a column of the row. */
    public static MRecord column(String name) {
        return fieldAccess(PARAMETER, name);
    }

    /** The tree of the function's body, its parameter replaced by {@link #PARAMETER}. */
    public static MRecord from(Object function) {
        Object f = Values.strip(function);
        if (!(f instanceof Closure closure) || closure.definition().parameters().size() != 1) {
            throw Errors.expression("The function must be a 1-argument lambda defined in M to be turned into a row "
                    + "or item expression.");
        }
        Expr.Function definition = closure.definition();
        return new Converter(definition.parameters().get(0).name(), closure.scope()).convert(definition.body());
    }

    private static MRecord constant(Object value) {
        return MRecord.of("Kind", "Constant", "Value", value);
    }

    private static MRecord fieldAccess(Object target, String name) {
        return MRecord.of("Kind", "FieldAccess", "Expression", target, "MemberName", name);
    }

    /** Walks one body; {@code scope} is where the function was defined, for the values of its free names. */
    private record Converter(String parameter, Env scope) {

        MRecord convert(Expr e) {
            if (!readsParameter(e) && !callsFunction(e)) {
                return constant(Evaluator.value(e, scope));
            }
            if (e instanceof Expr.Identifier id) {
                return id.name().equals(parameter) ? PARAMETER : constant(Evaluator.value(e, scope));
            }
            if (e instanceof Expr.FieldAccess a && !a.optional()) {
                Object target = a.target() == null ? implicitTarget() : convert(a.target());
                return fieldAccess(target, a.field());
            }
            if (e instanceof Expr.Binary b && BINARY.containsKey(b.operator())) {
                return MRecord.of("Kind", "Binary", "Operator", BINARY.get(b.operator()),
                        "Left", convert(b.left()), "Right", convert(b.right()));
            }
            if (e instanceof Expr.Unary u && UNARY.containsKey(u.operator())) {
                return MRecord.of("Kind", "Unary", "Operator", UNARY.get(u.operator()), "Expression", convert(u.operand()));
            }
            if (e instanceof Expr.If i) {
                return MRecord.of("Kind", "If", "Condition", convert(i.condition()),
                        "TrueCase", convert(i.whenTrue()), "FalseCase", convert(i.whenFalse()));
            }
            if (e instanceof Expr.Invoke inv) {
                List<Object> arguments = new ArrayList<>();
                inv.arguments().forEach(a -> arguments.add(convert(a)));
                return MRecord.of("Kind", "Invocation", "Function", convert(inv.function()),
                        "Arguments", MList.of(arguments.toArray()));
            }
            if (e instanceof Expr.ItemAccess a && !a.optional()) {
                return MRecord.of("Kind", "ElementAccess", "Collection", convert(a.target()), "Key", convert(a.key()));
            }
            throw Errors.expression("The function's body cannot be expressed as a row or item expression: it uses "
                    + describe(e) + ".");
        }

        /** {@code [Column]} in an {@code each} reads the parameter {@code _}; elsewhere it reads an outer {@code _}. */
        private MRecord implicitTarget() {
            return "_".equals(parameter) ? PARAMETER : constant(scope.lookup("_").force());
        }

        private boolean readsParameter(Expr e) {
            return SyntaxSearch.any(e, x -> x instanceof Expr.Identifier id && id.name().equals(parameter)
                    || "_".equals(parameter) && (x instanceof Expr.FieldAccess f && f.target() == null
                            || x instanceof Expr.Projection p && p.target() == null));
        }

        private static boolean callsFunction(Expr e) {
            return SyntaxSearch.any(e, x -> x instanceof Expr.Invoke);
        }

        private static String describe(Expr e) {
            String name = e.getClass().getSimpleName();
            if (e instanceof Expr.Binary b) {
                return "the operator " + b.operator();
            }
            if (e instanceof Expr.FieldAccess || e instanceof Expr.ItemAccess) {
                return "an optional access (?)";
            }
            return "a " + name + " expression";
        }
    }
}
