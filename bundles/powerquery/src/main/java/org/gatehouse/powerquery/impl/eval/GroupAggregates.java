package org.gatehouse.powerquery.impl.eval;

import java.util.List;

import org.gatehouse.powerquery.MException;
import org.gatehouse.powerquery.impl.syntax.Expr;
import org.gatehouse.powerquery.impl.value.MFunction;
import org.gatehouse.powerquery.impl.value.Thunk;
import org.gatehouse.powerquery.impl.value.NumberSum;

/**
 * The aggregates Power Query's Group By dialog writes — {@code each List.Sum([c])} and {@code each Table.RowCount(_)} —
 * recognised in the function's syntax so Table.Group can fold each row into its group as it reads, instead of
 * keeping every row for a per-group table. The folding gives exactly what the library functions give over the group's
 * rows in order; anything else (another function, a shadowed name) is not recognised and Table.Group keeps the rows.
 */
public final class GroupAggregates {

    private GroupAggregates() {
    }

    /** Folds a group's rows, one at a time and in order, into the aggregate's value. */
    public interface Accumulator {

        void add(Object[] row);

        /** The value, or a slot raising the error folding met. */
        Object result();
    }

    /** Makes a fresh accumulator per group. */
    public interface Factory {

        Accumulator start();
    }

    /** A factory for the aggregate {@code f} over rows of {@code columns}, or null when it is not a known form. */
    public static Factory recognize(MFunction f, List<String> columns) {
        if (!(f instanceof Closure c) || c.definition().parameters().size() != 1 || c.definition().returnType() != null
                || c.definition().parameters().get(0).type() != null) {
            return null;
        }
        String parameter = c.definition().parameters().get(0).name();
        if (!(c.definition().body() instanceof Expr.Invoke call) || call.arguments().size() != 1
                || !(call.function() instanceof Expr.Identifier fn) || fn.inclusive()) {
            return null;
        }
        String library = libraryName(c.scope(), fn.name());
        Expr argument = call.arguments().get(0);
        if ("Table.RowCount".equals(library) && argument instanceof Expr.Identifier id && !id.inclusive()
                && id.name().equals(parameter)) {
            return RowCount::new;
        }
        if ("List.Sum".equals(library) && argument instanceof Expr.FieldAccess field && !field.optional()
                && isParameter(field.target(), parameter)) {
            int column = columns.indexOf(field.field());
            return column < 0 ? null : () -> new Sum(column);
        }
        return null;
    }

    private static boolean isParameter(Expr target, String parameter) {
        return target == null ? parameter.equals("_")
                : target instanceof Expr.Identifier id && !id.inclusive() && id.name().equals(parameter);
    }

    /** The library function a name means in the closure's scope, or null when it means something else. */
    private static String libraryName(Env scope, String name) {
        if (!scope.has(name)) {
            return null;
        }
        try {
            return scope.lookup(name).force() instanceof Builtin b && b.name().equals(name) ? name : null;
        } catch (MException e) {
            return null;
        }
    }

    private static final class RowCount implements Accumulator {

        private double count;

        @Override
        public void add(Object[] row) {
            count++;
        }

        @Override
        public Object result() {
            return count;
        }
    }

    /** List.Sum: nulls skipped, null when nothing was added, a non-number an error. */
    private static final class Sum implements Accumulator {

        private final int column;
        private final NumberSum sum = new NumberSum();
        private MException error;

        Sum(int column) {
            this.column = column;
        }

        @Override
        public void add(Object[] row) {
            if (error != null) {
                return;
            }
            try {
                sum.add(Thunk.force(row[column]));
            } catch (MException e) {
                error = e;
            }
        }

        @Override
        public Object result() {
            return error != null ? Thunk.failed(error) : sum.result();
        }
    }
}
