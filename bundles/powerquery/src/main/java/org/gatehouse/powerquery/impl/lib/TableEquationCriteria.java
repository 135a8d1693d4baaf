package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.List;

import org.gatehouse.powerquery.impl.value.*;

/**
 * The column forms of a table's equation criteria (Table.Distinct, Table.IsDistinct, Table.Contains,
 * Table.PositionOf, Table.RemoveMatchingRows...). The reference ("Equation criteria" under Table functions) lets a
 * criteria name the compared columns and give a comparer: a column name, a list of names, {name, comparer} (the
 * usual case-insensitive `Table.Distinct(t, {"Name", Comparer.OrdinalIgnoreCase})`), or a list mixing names and
 * {name, comparer} pairs. Function criteria (a key selector, a row comparer, {keySelector, comparer}) stay with
 * {@link Criteria}.
 */
final class TableEquationCriteria {

    /** One compared column and its comparer (null: M's equality). */
    record Column(String name, MFunction comparer) {

        boolean equal(Object x, Object y) {
            if (comparer == null) {
                return Values.equal(x, y);
            }
            Object r = Values.strip(comparer.call(x, y));
            return r instanceof Boolean b ? b : Values.number(r) == 0;
        }

        /** Whether equal values under this column's comparer also have equal {@link #hashKey}s. */
        boolean hashable() {
            return comparer == null || isLibrary(comparer, "Comparer.Ordinal") || isLibrary(comparer, "Comparer.OrdinalIgnoreCase");
        }

        /** The value as hashed: a text folded as Comparer.OrdinalIgnoreCase folds it. */
        Object hashKey(Object v) {
            return v instanceof String s && isLibrary(comparer, "Comparer.OrdinalIgnoreCase") ? SimpleCase.fold(s) : v;
        }
    }

    private TableEquationCriteria() {
    }

    /** The criteria's columns, or null when it is not a column form (a function, or a list of functions). */
    static List<Column> columns(Object criteria) {
        criteria = Values.strip(criteria);
        if (criteria instanceof String s) {
            return List.of(new Column(s, null));
        }
        if (!(criteria instanceof MList l)) {
            return null;
        }
        Column pair = pair(l);
        if (pair != null) {
            return List.of(pair);
        }
        List<Column> columns = new ArrayList<>();
        for (Object item : l.values()) {
            item = Values.strip(item);
            Column c = item instanceof String s ? new Column(s, null) : item instanceof MList p ? pair(p) : null;
            if (c == null) {
                return null;
            }
            columns.add(c);
        }
        return columns;
    }

    /** {name, comparer}, else null. */
    private static Column pair(MList l) {
        if (l.size() == 2 && Values.strip(l.get(0)) instanceof String name && Values.strip(l.get(1)) instanceof MFunction f) {
            return new Column(name, f);
        }
        return null;
    }

    private static boolean isLibrary(MFunction f, String name) {
        return f != null && name.equals(f.name());
    }
}
