package org.gatehouse.powerquery.impl.value;

import java.util.ArrayList;
import java.util.List;

/** An M list; items may be {@link Thunk}s so an unused item that would raise an error never does. */
public final class MList {

    private final List<Object> slots;

    public MList(List<?> slots) {
        this.slots = new ArrayList<>(slots);
    }

    public static MList of(Object... values) {
        return new MList(List.of(values));
    }

    public int size() {
        return slots.size();
    }

    public Object get(int i) {
        return Thunk.force(slots.get(i));
    }

    public Object slot(int i) {
        return slots.get(i);
    }

    /** All items, forced. */
    public List<Object> values() {
        List<Object> out = new ArrayList<>(slots.size());
        for (Object s : slots) {
            out.add(Thunk.force(s));
        }
        return out;
    }

    public List<Object> slots() {
        return slots;
    }
}
