package org.gatehouse.api;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** One named query of a dataset: its text in the data source's own language (SQL, a path, a URL...) and options. */
public final class Query {

    private final String name;
    private final String text;
    private final Map<String, String> options;

    public Query(String name, String text, Map<String, String> options) {
        this.name = Objects.requireNonNull(name, "name");
        this.text = Objects.requireNonNull(text, "text");
        this.options = Collections.unmodifiableMap(new TreeMap<>(options));
    }

    public Query(String name, String text) {
        this(name, text, Map.of());
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    public Map<String, String> options() {
        return options;
    }

    @Override
    public String toString() {
        return name;
    }
}
