package org.gatehouse.powerquery.impl.value;

import java.util.ArrayList;
import java.util.List;

/** An M list; items may be {@link Thunk}s so an unused item that would raise an error never does. */
public final class MList {

    private final List<Object> slots;
    /** The type Value.ReplaceType gave the list, else null for {@code type list}. */
    private MType type;

    /** Wraps without copying (ranges and List.Skip views stay lazy): callers hand over lists they no longer change. */
    @SuppressWarnings("unchecked")
    public MList(List<?> slots) {
        this.slots = (List<Object>) slots;
    }

    private MList(List<Object> view, boolean unused) {
        this.slots = view;
    }

    /**
     * {@code {from..to}} and List.Numbers as a computed view: items exist only when read, so
     * {@code List.First({1..1000000000})} costs nothing, as M's lazy lists allow.
     */
    public static MList arithmetic(double from, double step, int count) {
        return new MList(new java.util.AbstractList<Object>() {
            @Override
            public Object get(int i) {
                if (i < 0 || i >= count) {
                    throw new IndexOutOfBoundsException(i);
                }
                return from + i * step;
            }

            @Override
            public int size() {
                return count;
            }
        }, true);
    }

    /** A list of these items; null is an item like any other (List.of would refuse it). */
    public static MList of(Object... values) {
        return new MList(java.util.Collections.unmodifiableList(java.util.Arrays.asList(values.clone())));
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

    /** The list's type: {@code type list} unless one was ascribed. */
    public MType type() {
        return type != null ? type : MType.primitive("list");
    }

    /** The same items with an ascribed list type (the items are not checked against it, as in M). */
    public MList withType(MType listType) {
        MList typed = new MList(slots, true);
        typed.type = listType;
        return typed;
    }
}
