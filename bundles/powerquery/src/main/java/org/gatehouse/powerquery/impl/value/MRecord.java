package org.gatehouse.powerquery.impl.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An M record: ordered field names with lazily evaluated values. */
public final class MRecord {

    private final List<String> names;
    private final List<Object> slots;
    /** The type Value.ReplaceType gave the record, else null for a closed record type of its fields typed any. */
    private MType type;

    public MRecord(List<String> names, List<?> slots) {
        this.names = new ArrayList<>(names);
        this.slots = new ArrayList<>(slots);
    }

    private MRecord(List<String> names, List<Object> slots, boolean shared) {
        this.names = names;
        this.slots = slots;
    }

    /**
     * A table row seen as a record, without copying: a row is evaluated this way once per step per row, and the
     * copies were a large part of a query's cost. The table's column names are immutable and rows are never changed
     * in place once made.
     */
    public static MRecord ofRow(List<String> columns, Object[] row) {
        return new MRecord(columns, java.util.Arrays.asList(row), true);
    }

    public static MRecord of(Map<String, ?> fields) {
        return new MRecord(new ArrayList<>(fields.keySet()), new ArrayList<>(fields.values()));
    }

    public static MRecord of(Object... nameValuePairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            m.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return of(m);
    }

    public List<String> names() {
        return names;
    }

    public int indexOf(String name) {
        return names.indexOf(name);
    }

    public boolean has(String name) {
        return names.contains(name);
    }

    /** The forced value of a field; the caller checks {@link #has} first. */
    public Object get(String name) {
        return Thunk.force(slots.get(names.indexOf(name)));
    }

    public Object get(int i) {
        return Thunk.force(slots.get(i));
    }

    public Object slot(int i) {
        return slots.get(i);
    }

    public List<Object> slots() {
        return slots;
    }

    /** The record's type: the ascribed one, else a closed record type naming its fields, each of type any. */
    public MType type() {
        if (type != null) {
            return type;
        }
        List<MType> types = new ArrayList<>(names.size());
        names.forEach(n -> types.add(MType.ANY));
        return MType.record(names, types);
    }

    /** The same field values under a closed record type: its field names replace the record's, as in M. */
    public MRecord withType(MType recordType) {
        MRecord typed = new MRecord(recordType.fieldList(), slots, true);
        typed.type = recordType;
        return typed;
    }
}
