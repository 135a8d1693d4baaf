package org.gatehouse.powerquery.impl.eval;

import java.util.Arrays;

import org.gatehouse.powerquery.impl.value.Errors;
import org.gatehouse.powerquery.impl.value.Thunk;

/**
 * A scope of lazily evaluated names, chained to its enclosing scope. Names sit in small parallel arrays searched
 * linearly while there are few: most scopes are a function call's one or two parameters, made once per row, where a
 * hash map per call cost more than the search. A name defined again replaces the earlier definition, as before.
 */
public final class Env {

    // allocated on the second name: a one-parameter function's scope (each _) needs no arrays at all
    private String firstName;
    private Thunk firstValue;
    private String[] names;
    private Thunk[] values;
    private int size;
    /** Past this many names (the library's globals, long let expressions) a hash index takes over the search. */
    private static final int LINEAR_LIMIT = 8;
    private java.util.Map<String, Integer> index;
    private final Env parent;

    public Env(Env parent) {
        this.parent = parent;
    }

    public void define(String name, Thunk value) {
        if (size == 0) {
            firstName = name;
            firstValue = value;
            size = 1;
            return;
        }
        int at = indexOf(name);
        if (at >= 0) {
            setValue(at, value);
            return;
        }
        if (names == null) {
            names = new String[4];
            values = new Thunk[4];
            names[0] = firstName;
            values[0] = firstValue;
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size] = value;
        if (index != null) {
            index.put(name, size);
        } else if (size + 1 > LINEAR_LIMIT) {
            index = new java.util.HashMap<>();
            for (int i = 0; i <= size; i++) {
                index.put(names[i], i);
            }
        }
        size++;
    }

    private void setValue(int at, Thunk value) {
        if (at == 0) {
            firstValue = value;
        }
        if (values != null) {
            values[at] = value;
        }
    }

    private Thunk valueAt(int at) {
        return at == 0 ? firstValue : values[at];
    }

    private int indexOf(String name) {
        if (index != null) {
            Integer at = index.get(name);
            return at == null ? -1 : at;
        }
        if (size == 0) {
            return -1;
        }
        if (firstName == name || firstName.equals(name)) {
            return 0;
        }
        for (int i = 1; i < size; i++) {
            String n = names[i];
            if (n == name || n.equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public Thunk lookup(String name) {
        for (Env e = this; e != null; e = e.parent) {
            int at = e.indexOf(name);
            if (at >= 0) {
                return e.valueAt(at);
            }
        }
        throw Errors.expression("The name '" + name + "' wasn't recognized.  Make sure it's spelled correctly.");
    }

    /**
     * The binding of name further out than {@code inner}: the M spec has a let or record initializer not see its own
     * variable (only {@code @name} does), so {@code [Text.Upper = Text.Upper]} reads the library's function. If there
     * is none further out, inner itself (whose evaluation then reports the cycle).
     */
    public Thunk lookupPast(String name, Thunk inner) {
        boolean passed = false;
        for (Env e = this; e != null; e = e.parent) {
            int at = e.indexOf(name);
            if (at < 0) {
                continue;
            }
            Thunk t = e.valueAt(at);
            if (passed) {
                return t;
            }
            passed = t == inner;
        }
        return inner;
    }

    /** Whether this scope itself, not an enclosing one, defines the name. */
    public boolean definesHere(String name) {
        return indexOf(name) >= 0;
    }

    public boolean has(String name) {
        for (Env e = this; e != null; e = e.parent) {
            if (e.indexOf(name) >= 0) {
                return true;
            }
        }
        return false;
    }
}
