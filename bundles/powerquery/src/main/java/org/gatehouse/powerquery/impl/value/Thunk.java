package org.gatehouse.powerquery.impl.value;

import java.util.function.Supplier;

import org.gatehouse.powerquery.MException;

/**
 * A lazily computed M value: computed at most once, remembering an error so that every later access raises it again
 * (M errors are values of the slot, not events). Re-entering while computing is M's cyclic reference error.
 */
public final class Thunk {

    private Supplier<Object> supplier;
    private Object value;
    private MException error;
    private boolean computing;
    private boolean done;

    public Thunk(Supplier<Object> supplier) {
        this.supplier = supplier;
    }

    public static Thunk of(Object value) {
        Thunk t = new Thunk(null);
        t.value = value;
        t.done = true;
        return t;
    }

    /** A slot that holds an error: raises it whenever read. */
    public static Thunk failed(MException error) {
        Thunk t = new Thunk(null);
        t.error = error;
        t.done = true;
        return t;
    }

    /** The value with its metadata wrapper, if any. */
    public Object raw() {
        if (!done) {
            if (computing) {
                throw new MException("Expression.Error", "A cyclic reference was encountered during evaluation.");
            }
            computing = true;
            try {
                value = supplier.get();
            } catch (MException e) {
                error = e;
            } catch (StackOverflowError e) {
                error = new MException("Expression.Error", "Evaluation ran out of stack (too deep recursion).");
            } finally {
                computing = false;
                done = true;
                supplier = null;
            }
        }
        if (error != null) {
            throw error;
        }
        return value;
    }

    /** Whether this value is being computed right now (a reference to it from inside would be a cycle). */
    public boolean isComputing() {
        return computing;
    }

    public Object force() {
        return Values.strip(raw());
    }

    /** Forces a slot that may hold either a plain value or a thunk. */
    public static Object force(Object slot) {
        return slot instanceof Thunk t ? t.force() : Values.strip(slot);
    }

    public static Object raw(Object slot) {
        return slot instanceof Thunk t ? t.raw() : slot;
    }
}
