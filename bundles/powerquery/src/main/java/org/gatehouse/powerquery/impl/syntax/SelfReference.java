package org.gatehouse.powerquery.impl.syntax;

/**
 * Whether an expression refers to a name by a plain identifier anywhere inside it. It looks through the whole tree,
 * nested functions, lets and records included, even where they define the name again: a yes where an inner scope
 * shadows the name only costs the evaluator one small scope.
 */
final class SelfReference {

    private SelfReference() {
    }

    static boolean mentions(Object node, String name) {
        return SyntaxSearch.any(node, e -> e instanceof Expr.Identifier id && !id.inclusive() && id.name().equals(name));
    }
}
