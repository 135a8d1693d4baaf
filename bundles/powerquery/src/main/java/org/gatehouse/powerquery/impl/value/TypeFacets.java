package org.gatehouse.powerquery.impl.value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facets Type.ReplaceFacets put on a type: the values given for any of the nine facet names Type.Facets reports
 * (the names Table.Schema's columns use, plus NativeExpression). Facets the type was never given are absent here and
 * Type.Facets answers them from the type's kind. Facets describe a source's native column; they take no part in type
 * compatibility or equality, which is why {@link MType#equals} ignores them.
 */
public record TypeFacets(Map<String, Object> given) {

    public static final List<String> NAMES = List.of("NumericPrecisionBase", "NumericPrecision", "NumericScale",
            "DateTimePrecision", "MaxLength", "IsVariableLength", "NativeTypeName", "NativeDefaultExpression",
            "NativeExpression");

    public static final TypeFacets NONE = new TypeFacets(Map.of());

    public TypeFacets {
        // facet values may be null (a facet replaced by "unknown"), which Map.copyOf refuses
        given = Collections.unmodifiableMap(new LinkedHashMap<>(given));
    }

    public boolean has(String name) {
        return given.containsKey(name);
    }

    public Object get(String name) {
        return given.get(name);
    }

    /** These facets with the record's facet fields replacing theirs; fields that name no facet are ignored. */
    public TypeFacets replacedBy(MRecord facets) {
        Map<String, Object> next = new LinkedHashMap<>(given);
        for (String name : NAMES) {
            if (facets.has(name)) {
                next.put(name, facets.get(name));
            }
        }
        return new TypeFacets(next);
    }
}
