package org.gatehouse.powerquery.impl.eval;

import java.util.HashMap;
import java.util.Map;

import org.gatehouse.powerquery.impl.value.Errors;
import org.gatehouse.powerquery.impl.value.Thunk;

/** A scope of lazily evaluated names, chained to its enclosing scope. */
public final class Env {

    private final Map<String, Thunk> names = new HashMap<>();
    private final Env parent;

    public Env(Env parent) {
        this.parent = parent;
    }

    public void define(String name, Thunk value) {
        names.put(name, value);
    }

    public Thunk lookup(String name) {
        for (Env e = this; e != null; e = e.parent) {
            Thunk t = e.names.get(name);
            if (t != null) {
                return t;
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
            Thunk t = e.names.get(name);
            if (t == null) {
                continue;
            }
            if (passed) {
                return t;
            }
            passed = t == inner;
        }
        return inner;
    }

    public boolean has(String name) {
        for (Env e = this; e != null; e = e.parent) {
            if (e.names.containsKey(name)) {
                return true;
            }
        }
        return false;
    }
}
