package org.gatehouse.powerquery.impl.syntax;

import java.lang.reflect.RecordComponent;
import java.util.Collection;

/**
 * Whether an expression refers to a name by a plain identifier anywhere inside it. It looks through the whole tree,
 * nested functions, lets and records included, even where they define the name again: a yes where an inner scope
 * shadows the name only costs the evaluator one small scope.
 */
final class SelfReference {

    private SelfReference() {
    }

    static boolean mentions(Object node, String name) {
        if (node instanceof Expr.Identifier id) {
            return !id.inclusive() && id.name().equals(name);
        }
        if (node instanceof Collection<?> items) {
            for (Object item : items) {
                if (mentions(item, name)) {
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
                if (mentions(component.getAccessor().invoke(node), name)) {
                    return true;
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component, e);
            }
        }
        return false;
    }
}
