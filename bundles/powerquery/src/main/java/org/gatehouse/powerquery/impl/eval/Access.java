package org.gatehouse.powerquery.impl.eval;

import java.util.ArrayList;
import java.util.List;

import org.gatehouse.powerquery.impl.value.*;

/** Field access, projection and item access ({@code x[F]}, {@code x[[A],[B]]}, {@code x{i}}) on records, lists and tables. */
public final class Access {

    private Access() {
    }

    public static Object field(Object target, String name, boolean optional) {
        if (target instanceof MRecord r) {
            int i = r.indexOf(name);
            if (i < 0) {
                if (optional) {
                    return null;
                }
                throw Errors.expression("The field '" + name + "' of the record wasn't found.");
            }
            return Thunk.raw(r.slot(i));
        }
        if (target instanceof MTable t) {
            int c = t.columns().indexOf(name);
            if (c < 0) {
                if (optional) {
                    return null;
                }
                throw Errors.expression("The column '" + name + "' of the table wasn't found.");
            }
            List<Object> column = new ArrayList<>(t.rowCount());
            for (Object[] row : t.rows()) {
                column.add(row[c]);
            }
            return new MList(column);
        }
        if (target == null && optional) {
            return null;
        }
        throw Errors.expression("We cannot apply field access to the type " + Values.kind(target) + ".");
    }

    public static Object project(Object target, List<String> fields, boolean optional) {
        if (new java.util.HashSet<>(fields).size() != fields.size()) {
            // a projection builds a record or table, whose field names must be unique
            throw Errors.expression("A field is selected more than once in " + fields + ".");
        }
        if (target instanceof MRecord r) {
            List<Object> slots = new ArrayList<>();
            for (String f : fields) {
                int i = r.indexOf(f);
                if (i < 0 && !optional) {
                    throw Errors.expression("The field '" + f + "' of the record wasn't found.");
                }
                slots.add(i < 0 ? null : r.slot(i));
            }
            return new MRecord(fields, slots);
        }
        if (target instanceof MTable t) {
            List<Integer> idx = new ArrayList<>();
            for (String f : fields) {
                int c = t.columns().indexOf(f);
                if (c < 0 && !optional) {
                    throw Errors.expression("The column '" + f + "' of the table wasn't found.");
                }
                idx.add(c);
            }
            List<Object[]> rows = new ArrayList<>();
            for (Object[] row : t.rows()) {
                Object[] out = new Object[idx.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = idx.get(i) < 0 ? null : row[idx.get(i)];
                }
                rows.add(out);
            }
            List<MType> types = new ArrayList<>();
            for (int i : idx) {
                types.add(i < 0 ? MType.ANY : t.types().get(i));
            }
            return new MTable(fields, types, rows);
        }
        throw Errors.expression("We cannot apply field access to the type " + Values.kind(target) + ".");
    }

    /** {@code list{n}}, {@code table{n}} (a row) and {@code table{[Key=..]}} (the one row matching the key). */
    public static Object item(Object target, Object key, boolean optional) {
        if (target instanceof MList l) {
            int i = index(key);
            if (i >= l.size()) {
                if (optional) {
                    return null;
                }
                throw Errors.expression("There weren't enough elements in the enumeration to complete the operation.");
            }
            return Thunk.raw(l.slot(i));
        }
        if (target instanceof MTable t) {
            if (key instanceof MRecord k) {
                MRecord found = null;
                for (int r = 0; r < t.rowCount(); r++) {
                    boolean match = true;
                    for (String n : k.names()) {
                        if (!Values.equal(t.cell(r, t.columnIndex(n)), k.get(n))) {
                            match = false;
                            break;
                        }
                    }
                    if (match) {
                        if (found != null) {
                            throw Errors.expression("The key matched more than one row in the table.");
                        }
                        found = t.row(r);
                    }
                }
                if (found == null && !optional) {
                    throw Errors.expression("The key didn't match any rows in the table.");
                }
                return found;
            }
            int i = index(key);
            if (i >= t.rowCount()) {
                if (optional) {
                    return null;
                }
                throw Errors.expression("There weren't enough elements in the enumeration to complete the operation.");
            }
            return t.row(i);
        }
        throw Errors.expression("We cannot apply an item access to the type " + Values.kind(target) + ".");
    }

    private static int index(Object key) {
        double d = Values.number(key);
        if (d < 0 || d != Math.rint(d)) {
            throw Errors.expression("The index " + Values.toText(key) + " is not a valid position.");
        }
        return (int) d;
    }
}
