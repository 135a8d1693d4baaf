package org.gatehouse.api;

import java.util.Objects;

/** A column of a row source: its name as the source calls it, and its type. */
public final class Column {

    private final String name;
    private final ColumnType type;

    public Column(String name, ColumnType type) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
    }

    public String name() {
        return name;
    }

    public ColumnType type() {
        return type;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Column && ((Column) o).name.equals(name) && ((Column) o).type == type;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type);
    }

    @Override
    public String toString() {
        return name + " " + type;
    }
}
