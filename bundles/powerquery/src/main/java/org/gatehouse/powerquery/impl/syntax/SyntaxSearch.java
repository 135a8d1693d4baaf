package org.gatehouse.powerquery.impl.syntax;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.function.Predicate;

/** Whether any node of an expression tree, nested functions, lets and records included, satisfies a test. */
public final class SyntaxSearch {

    private SyntaxSearch() {
    }

    public static boolean any(Object node, Predicate<Expr> test) {
        if (node instanceof Expr e && test.test(e)) {
            return true;
        }
        if (node instanceof Collection<?> items) {
            for (Object item : items) {
                if (any(item, test)) {
                    return true;
                }
            }
            return false;
        }
        if (node == null || !node.getClass().isRecord() || !node.getClass().getName().startsWith(Expr.class.getName())) {
            return false;
        }
        for (RecordComponent component : node.getClass().getRecordComponents()) {
            Class<?> type = component.getType();
            if (type.isPrimitive() || type == String.class || type == Object.class) {
                continue; // positions, names, literal values
            }
            try {
                if (any(component.getAccessor().invoke(node), test)) {
                    return true;
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component, e);
            }
        }
        return false;
    }
}
