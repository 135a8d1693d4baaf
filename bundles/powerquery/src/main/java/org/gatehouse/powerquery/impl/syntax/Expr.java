package org.gatehouse.powerquery.impl.syntax;

import java.util.List;

/**
 * The abstract syntax of M expressions. One sealed family so that the evaluator's switch is checked for completeness;
 * {@code line}/{@code column} positions live only where runtime errors need them (invocations, field and item access).
 */
public sealed interface Expr {

    /** number (Double/BigDecimal), text, logical or null. */
    record Literal(Object value) implements Expr { }

    /** A name reference; {@code inclusive} is the {@code @} form that may see the binding being defined. */
    record Identifier(String name, boolean inclusive, int line, int column) implements Expr { }

    /**
     * A let variable or record field. {@code mentionsItself}: its initializer holds a plain (not {@code @}) reference to
     * its own name, which the spec resolves outside the let or record; found once, when parsed.
     */
    record Binding(String name, Expr value, boolean mentionsItself) {

        public Binding(String name, Expr value) {
            this(name, value, SelfReference.mentions(value, name));
        }
    }

    record Let(List<Binding> bindings, Expr body) implements Expr { }

    record If(Expr condition, Expr whenTrue, Expr whenFalse) implements Expr { }

    record Parameter(String name, boolean optional, Expr type) { }

    /** {@code returnType} and parameter types are type expressions or null; {@code each} is a function of {@code _}. */
    record Function(List<Parameter> parameters, Expr returnType, Expr body) implements Expr { }

    record Invoke(Expr function, List<Expr> arguments, int line, int column) implements Expr { }

    record RecordLiteral(List<Binding> fields) implements Expr { }

    /** {@code to} is null for a single item; {@code a..b} is a numeric range. */
    record ListItem(Expr from, Expr to) { }

    record ListLiteral(List<ListItem> items) implements Expr { }

    /** {@code target} null means the implicit {@code _} of an {@code each}. */
    record FieldAccess(Expr target, String field, boolean optional, int line, int column) implements Expr { }

    record Projection(Expr target, List<String> fields, boolean optional, int line, int column) implements Expr { }

    record ItemAccess(Expr target, Expr key, boolean optional, int line, int column) implements Expr { }

    record Binary(String operator, Expr left, Expr right, int line, int column) implements Expr { }

    record Unary(String operator, Expr operand, int line, int column) implements Expr { }

    record ErrorRaise(Expr value) implements Expr { }

    /** {@code otherwise} and {@code catchFunction} are both null for a plain {@code try} that yields a record. */
    record Try(Expr body, Expr otherwise, Function catchFunction) implements Expr { }

    /** The {@code ...} expression. */
    record NotImplemented(int line, int column) implements Expr { }

    /** {@code type X}: the operand is a {@link TypeSpec} or an ordinary expression that must evaluate to a type. */
    record TypeValue(Expr spec) implements Expr { }

    /** The type language inside a type expression. */
    sealed interface TypeSpec extends Expr { }

    record PrimitiveType(String name) implements TypeSpec { }

    record NullableType(Expr inner) implements TypeSpec { }

    record ListType(Expr item) implements TypeSpec { }

    record FieldSpec(String name, boolean optional, Expr type) { }

    record RecordType(List<FieldSpec> fields, boolean open) implements TypeSpec { }

    record TableType(Expr rowType) implements TypeSpec { }

    record FunctionType(List<Parameter> parameters, Expr returnType) implements TypeSpec { }

    record SectionMember(String name, boolean shared, Expr value) { }

    /** A section document is not an expression but the parser's other entry point. */
    record Section(String name, List<SectionMember> members) { }
}
