package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.gatehouse.powerquery.MException;
import org.gatehouse.powerquery.impl.eval.Builtin;
import org.gatehouse.powerquery.impl.value.Errors;
import org.gatehouse.powerquery.impl.value.MFunction;
import org.gatehouse.powerquery.impl.value.MList;
import org.gatehouse.powerquery.impl.value.MRecord;
import org.gatehouse.powerquery.impl.value.MTable;
import org.gatehouse.powerquery.impl.value.MType;
import org.gatehouse.powerquery.impl.value.RowCursor;
import org.gatehouse.powerquery.impl.value.Values;
import org.gatehouse.powerquery.impl.value.ViewErrors;

/**
 * Table.View, Table.ViewFunction and Table.ViewError, as Microsoft's M reference describes them. A view is a table whose
 * type and rows come from its GetType/GetRows handlers (or from the table it views), and on which the library's
 * operations call the view's handler for that operation instead of their own: GetRowCount for Table.RowCount, OnTake for
 * Table.FirstN, OnSkip for Table.Skip, OnSelectColumns, OnSelectRows (given the condition function, which connectors
 * read with RowExpression.From), OnSort (given a list of [Name, Order] records), OnRenameColumns (the {old, new} pairs)
 * and OnDistinct (column names), with the arguments the Power Query SDK's Table.View handler list gives. Without a
 * handler, or when the handler raises an error, the operation runs as usual on the view's rows; an error made by
 * Table.ViewError is the operation's error instead.
 */
final class TableViews {

    private TableViews() {
    }

    static void register(Library lib) {
        lib.fn("Table.View", 2, 2, a -> view(a[0], Values.record(a[1])));
        lib.fn("Table.ViewError", 1, 1, a -> ViewErrors.mark(Values.record(a[0])));
        lib.fn("Table.ViewFunction", 1, 1, a -> viewFunction(Values.function(a[0])));
        // the Value.* names the reference lists for the same two functions
        lib.fn("Value.ViewError", 1, 1, a -> ViewErrors.mark(Values.record(a[0])));
        lib.fn("Value.ViewFunction", 1, 1, a -> viewFunction(Values.function(a[0])));
        // and the Binary.* names: Binary.View yields its content (no handlers stay attached to a binary), so a
        // Binary.ViewFunction applies its function and a Binary.ViewError is an ordinary error record when raised
        lib.fn("Binary.ViewError", 1, 1, a -> ViewErrors.mark(Values.record(a[0])));
        lib.fn("Binary.ViewFunction", 1, 1, a -> viewFunction(Values.function(a[0])));
    }

    /** Lets the table operations call a view's handlers; installed last, around the steps registered before. */
    static void install(Library lib) {
        intercept(lib, "Table.RowCount", "GetRowCount", a -> new Object[0]);
        intercept(lib, "Table.FirstN", "OnTake", a -> count(arg(a, 1)));
        intercept(lib, "Table.Skip", "OnSkip", a -> arg(a, 1) == null ? new Object[] {1.0} : count(arg(a, 1)));
        intercept(lib, "Table.SelectColumns", "OnSelectColumns", a -> arg(a, 2) != null ? null
                : new Object[] {MList.of(CoreFunctions.names(arg(a, 1)).toArray())});
        intercept(lib, "Table.SelectRows", "OnSelectRows", a -> new Object[] {a[1]});
        intercept(lib, "Table.RenameColumns", "OnRenameColumns", a -> {
            MList renames = renamePairs(arg(a, 1));
            return arg(a, 2) != null || renames == null ? null : new Object[] {renames};
        });
        intercept(lib, "Table.Distinct", "OnDistinct", a -> {
            List<String> columns = arg(a, 1) == null ? Values.table(a[0]).columns() : columnNames(arg(a, 1));
            return columns == null ? null : new Object[] {MList.of(columns.toArray())};
        });
        intercept(lib, "Table.Sort", "OnSort", a -> {
            MList order = sortOrder(arg(a, 1));
            return order == null ? null : new Object[] {order};
        });
    }

    private static Object view(Object table, MRecord handlers) {
        MTable base = table == null ? null : Values.table(table);
        if (base == null && !(handlers.has("GetType") && handlers.has("GetRows"))) {
            throw Errors.expression("Table.View without a table needs the GetType and GetRows handlers.");
        }
        MType type = base == null ? null : base.type();
        if (handlers.has("GetType")) {
            Object handled = handled(handlers, "GetType", new Object[0]);
            if (handled != NOT_HANDLED) {
                type = Values.type(handled);
            } else if (base == null) {
                type = Values.type(Values.function(handlers.get("GetType")).call());
            }
        }
        List<String> columns = type.fieldList();
        MTable rows = MTable.streamed(columns, type.typeList(), () -> cursor(rowsOf(base, handlers), columns));
        return (base == null ? rows : rows.withKeysOf(base)).viewedThrough(handlers);
    }

    private static MTable rowsOf(MTable base, MRecord handlers) {
        if (handlers.has("GetRows")) {
            Object handled = handled(handlers, "GetRows", new Object[0]);
            if (handled != NOT_HANDLED) {
                return Values.table(handled);
            }
            if (base == null) {
                return Values.table(Values.function(handlers.get("GetRows")).call());
            }
        }
        return base;
    }

    /** The rows of a table in the order of the view's columns (GetRows may name them in another order). */
    private static RowCursor cursor(MTable rows, List<String> columns) {
        RowCursor inner = rows.cursor();
        if (rows.columns().equals(columns)) {
            return inner;
        }
        int[] from = new int[columns.size()];
        for (int i = 0; i < from.length; i++) {
            from[i] = rows.columns().indexOf(columns.get(i));
        }
        return new RowCursor() {
            @Override
            public Object[] next() {
                Object[] row = inner.next();
                if (row == null) {
                    return null;
                }
                Object[] mapped = new Object[from.length];
                for (int i = 0; i < from.length; i++) {
                    mapped[i] = from[i] < 0 ? null : row[from[i]];
                }
                return mapped;
            }

            @Override
            public void close() {
                inner.close();
            }
        };
    }

    private static final Object NOT_HANDLED = new Object();

    /**
     * The handler's result, or NOT_HANDLED when the view has no such handler or the handler raised an error (the
     * reference: the default behaviour then applies). An error made by Table.ViewError is raised instead.
     */
    private static Object handled(MRecord handlers, String name, Object[] args) {
        if (!handlers.has(name)) {
            return NOT_HANDLED;
        }
        try {
            return Values.strip(Values.function(handlers.get(name)).call(args));
        } catch (MException e) {
            if (ViewErrors.isMarked(e.record())) {
                throw e;
            }
            return NOT_HANDLED;
        }
    }

    /** Wraps a library table operation so that on a view it calls the handler; {@code args} null: not this form. */
    private static void intercept(Library lib, String name, String handler, Function<Object[], Object[]> args) {
        MFunction operation = (MFunction) lib.globals().get(name);
        lib.fn(name, operation.minArity(), operation.maxArity(), a -> {
            if (arg(a, 0) instanceof MTable t && t.viewHandlers() != null && t.viewHandlers().has(handler)) {
                Object[] handlerArgs = args.apply(a);
                if (handlerArgs != null) {
                    Object result = handled(t.viewHandlers(), handler, handlerArgs);
                    if (result != NOT_HANDLED) {
                        return result;
                    }
                }
            }
            return operation.invoke(a);
        });
    }

    /**
     * A function that, given a view among its arguments, asks the view's OnInvoke handler (function, arguments, index
     * of the view) first, and otherwise applies the function (Table.ViewFunction reference).
     */
    private static MFunction viewFunction(MFunction function) {
        MFunction[] self = new MFunction[1];
        self[0] = new Builtin(function.name(), function.minArity(), function.maxArity(), a -> {
            for (int i = 0; i < a.length; i++) {
                if (Values.strip(a[i]) instanceof MTable t && t.viewHandlers() != null) {
                    Object result = handled(t.viewHandlers(), "OnInvoke",
                            new Object[] {self[0], MList.of(trimmed(a)), (double) i});
                    if (result != NOT_HANDLED) {
                        return result;
                    }
                    break;
                }
            }
            return function.invoke(a);
        });
        return self[0];
    }

    /** The arguments as given: the evaluator pads missing optional ones with trailing nulls. */
    private static Object[] trimmed(Object[] a) {
        int n = a.length;
        while (n > 0 && a[n - 1] == null) {
            n--;
        }
        return java.util.Arrays.copyOf(a, n);
    }

    private static Object[] count(Object countOrCondition) {
        return countOrCondition instanceof Number ? new Object[] {countOrCondition} : null;
    }

    /**
     * Table.Sort's criteria as OnSort's list of [Name = column, Order = Order.Ascending/Descending] records, or null
     * for criteria a list of names cannot say (key selectors, comparers).
     */
    private static MList sortOrder(Object criteria) {
        List<Object> items;
        if (criteria instanceof String) {
            items = List.of(criteria);
        } else if (criteria instanceof MList list) {
            items = list.values();
            if (items.size() == 2 && Values.strip(items.get(0)) instanceof String
                    && Values.strip(items.get(1)) instanceof Number) {
                items = List.of(criteria); // {"Column", Order.Descending}: one column and its order
            }
        } else {
            return null;
        }
        List<Object> order = new ArrayList<>();
        for (Object item : items) {
            Object c = Values.strip(item);
            if (c instanceof String name) {
                order.add(MRecord.of("Name", name, "Order", 0.0));
            } else if (c instanceof MList pair && pair.size() == 2 && Values.strip(pair.get(0)) instanceof String name
                    && Values.strip(pair.get(1)) instanceof Number direction) {
                order.add(MRecord.of("Name", name, "Order", direction));
            } else {
                return null;
            }
        }
        return MList.of(order.toArray());
    }

    /** Table.RenameColumns' renames as a list of {old, new} lists (a single pair is wrapped), null if malformed. */
    private static MList renamePairs(Object renames) {
        if (!(renames instanceof MList list) || list.size() == 0) {
            return null;
        }
        if (!(Values.strip(list.get(0)) instanceof MList)) {
            return isPair(list) ? MList.of(list) : null;
        }
        for (Object item : list.values()) {
            if (!(Values.strip(item) instanceof MList pair) || !isPair(pair)) {
                return null;
            }
        }
        return list;
    }

    private static boolean isPair(MList pair) {
        return pair.size() == 2 && Values.strip(pair.get(0)) instanceof String && Values.strip(pair.get(1)) instanceof String;
    }

    /** Table.Distinct's criteria as column names: a name or a list of names; null for comparers. */
    private static List<String> columnNames(Object criteria) {
        if (criteria instanceof String name) {
            return List.of(name);
        }
        if (!(criteria instanceof MList list)) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (Object item : list.values()) {
            if (!(Values.strip(item) instanceof String name)) {
                return null;
            }
            names.add(name);
        }
        return names;
    }

    private static Object arg(Object[] a, int i) {
        return i < a.length ? Values.strip(a[i]) : null;
    }
}
