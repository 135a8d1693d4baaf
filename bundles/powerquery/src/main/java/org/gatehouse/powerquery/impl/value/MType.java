package org.gatehouse.powerquery.impl.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An M type value. {@code kind} is the primitive type name (number, text, table...); {@code facet} names the ascribed
 * refinement the library types carry ({@code Int64.Type} is number with facet "Int64").
 * <p>
 * Custom types carry their structure: record types their fields ({@code fieldNames}, {@code fieldTypes}, the names in
 * {@code optionalFields}) and whether they are {@code open}; table types their columns the same way and their
 * {@code keys}; list types their {@code item} type; function types their parameters as fields (optional parameters in
 * {@code optionalFields}, which always trail the required ones) and their {@code returnType}. A primitive type has
 * null {@code fieldNames}: {@code type record} is the open record type without fields, {@code type table} and
 * {@code type function} place no restriction at all.
 */
public record MType(String kind, boolean nullable, String facet, List<String> fieldNames, List<MType> fieldTypes,
        MType item, Set<String> optionalFields, boolean open, MType returnType, List<TableKey> keys, TypeFacets facets) {

    public static final MType ANY = primitive("any");
    public static final MType TEXT = primitive("text");
    public static final MType NUMBER = primitive("number");
    public static final MType LOGICAL = primitive("logical");
    public static final MType NULL = primitive("null");

    public MType {
        // any and null classify null whatever the flag said, so that type nullable any = type any
        nullable = nullable || kind.equals("any") || kind.equals("null");
        optionalFields = optionalFields == null ? Set.of() : Set.copyOf(optionalFields);
        keys = keys == null ? List.of() : List.copyOf(keys);
        facets = facets == null ? TypeFacets.NONE : facets;
    }

    public MType(String kind, boolean nullable, String facet, List<String> fieldNames, List<MType> fieldTypes,
            MType item, Set<String> optionalFields, boolean open, MType returnType, List<TableKey> keys) {
        this(kind, nullable, facet, fieldNames, fieldTypes, item, optionalFields, open, returnType, keys, null);
    }

    public MType(String kind, boolean nullable, String facet, List<String> fieldNames, List<MType> fieldTypes, MType item) {
        this(kind, nullable, facet, fieldNames, fieldTypes, item, Set.of(), false, null, List.of());
    }

    public static MType primitive(String kind) {
        return new MType(kind, false, null, null, null, null);
    }

    public static MType facet(String kind, String facet) {
        return new MType(kind, false, facet, null, null, null);
    }

    public static MType list(MType item) {
        return new MType("list", false, null, null, null, item);
    }

    public static MType table(List<String> names, List<MType> types) {
        return table(names, types, List.of());
    }

    public static MType table(List<String> names, List<MType> types, List<TableKey> keys) {
        return new MType("table", false, null, names, types, null, Set.of(), false, null, keys);
    }

    /** A closed record type whose fields are all required. */
    public static MType record(List<String> names, List<MType> types) {
        return record(names, types, Set.of(), false);
    }

    /** A record type; the open one without fields is {@code type record} itself, as the spec makes them equal. */
    public static MType record(List<String> names, List<MType> types, Set<String> optional, boolean open) {
        if (open && names.isEmpty()) {
            return primitive("record");
        }
        return new MType("record", false, null, names, types, null, optional, open, null, List.of());
    }

    /** A function type; optional parameters are nullable, as the spec says {@code optional x as text} means. */
    public static MType function(List<String> names, List<MType> types, int required, MType returnType) {
        List<MType> parameterTypes = new ArrayList<>(types);
        Set<String> optional = new java.util.HashSet<>();
        for (int i = required; i < names.size(); i++) {
            optional.add(names.get(i));
            parameterTypes.set(i, parameterTypes.get(i).asNullable());
        }
        return new MType("function", false, null, names, parameterTypes, null, optional, false,
                returnType == null ? ANY : returnType, List.of());
    }

    /** {@code nullable T}: nullable anynonnull is any, nullable none is null. */
    public MType asNullable() {
        return switch (kind) {
            case "anynonnull" -> ANY;
            case "none" -> NULL;
            default -> new MType(kind, true, facet, fieldNames, fieldTypes, item, optionalFields, open, returnType, keys,
                    facets);
        };
    }

    /** Type.NonNullable: of any is anynonnull, of null is none. */
    public MType nonNullable() {
        return switch (kind) {
            case "any" -> primitive("anynonnull");
            case "null" -> primitive("none");
            default -> new MType(kind, false, facet, fieldNames, fieldTypes, item, optionalFields, open, returnType, keys,
                    facets);
        };
    }

    public MType withKeys(List<TableKey> newKeys) {
        return new MType(kind, nullable, facet, fieldNames, fieldTypes, item, optionalFields, open, returnType, newKeys,
                facets);
    }

    /** Type.ReplaceFacets: the same type carrying other facets. */
    public MType withFacets(TypeFacets newFacets) {
        return new MType(kind, nullable, facet, fieldNames, fieldTypes, item, optionalFields, open, returnType, keys,
                newFacets);
    }

    /** A record type with the same fields, open or closed. */
    public MType withOpen(boolean isOpen) {
        return record(fieldList(), typeList(), optionalFields, isOpen);
    }

    /** True for types that describe structure (fields, columns, parameters, items) rather than a bare kind. */
    public boolean isCustom() {
        return fieldNames != null || item != null || returnType != null;
    }

    public boolean isOpenRecord() {
        return kind.equals("record") && (open || fieldNames == null);
    }

    /** The fields (or columns, or parameters); none for primitive types. */
    public List<String> fieldList() {
        return fieldNames == null ? List.of() : fieldNames;
    }

    public List<MType> typeList() {
        return fieldTypes == null ? List.of() : fieldTypes;
    }

    public boolean isOptional(String field) {
        return optionalFields.contains(field);
    }

    public int requiredParameters() {
        return fieldList().size() - optionalFields.size();
    }

    /** Whether a (non-wrapped) value conforms to this type's primitive kind. */
    public boolean accepts(Object v) {
        if (v == null) {
            return nullable;
        }
        return switch (kind) {
            case "any", "anynonnull" -> true;
            case "none" -> false;
            default -> Values.kind(v).equals(kind);
        };
    }

    /**
     * Type compatibility (Type.Is): every value of this type conforms to {@code other}. The spec defines it against
     * primitive and nullable primitive types; a custom {@code other} also needs the same structure.
     */
    public boolean isCompatibleWith(MType other) {
        if (other.kind.equals("any") || kind.equals("none")) {
            return true;
        }
        if (other.kind.equals("none") || (nullable && !other.nullable)) {
            return false;
        }
        if (kind.equals("null")) {
            return other.nullable;
        }
        if (other.kind.equals("anynonnull")) {
            return true;
        }
        if (!kind.equals(other.kind)) {
            return false;
        }
        return !other.isCustom() || nonNullable().equals(other.nonNullable());
    }

    /**
     * M type equality, which the spec leaves to the implementation. Two custom types are equal when their structure is:
     * kind, nullability, fields and their optionality, openness, item, parameter and return types and keys. Against a
     * primitive type only kind and nullability count, so {@code Value.Type([a = 1]) = type record} holds as the library
     * reference shows it and as this engine always answered. Facets are left out ({@code Int64.Type = type number}, and
     * the native facets Type.ReplaceFacets gives: they describe a source column, not which values conform).
     * Java's equals is the structural one; M's {@code =} on types is {@link #sameAs}.
     */
    public boolean sameAs(MType other) {
        if (!isCustom() || !other.isCustom()) {
            return kind.equals(other.kind) && nullable == other.nullable;
        }
        return equals(other);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MType t)) {
            return false;
        }
        return kind.equals(t.kind) && nullable == t.nullable && open == t.open
                && Objects.equals(fieldNames, t.fieldNames) && Objects.equals(fieldTypes, t.fieldTypes)
                && Objects.equals(item, t.item) && optionalFields.equals(t.optionalFields)
                && Objects.equals(returnType, t.returnType) && keys.equals(t.keys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, nullable, fieldNames, item);
    }

    /** M source text for the type without the leading {@code type} keyword ({@code nullable text}, {@code [A = number]}). */
    @Override
    public String toString() {
        String base = facet != null ? facet + ".Type" : structure();
        return nullable && !kind.equals("any") && !kind.equals("null") ? "nullable " + base : base;
    }

    private String structure() {
        if (item != null) {
            return "{" + item + "}";
        }
        if (fieldNames == null) {
            return kind;
        }
        return switch (kind) {
            case "function" -> parameters() + " as " + returnType;
            case "table" -> "table " + fields(false);
            default -> fields(open);
        };
    }

    private String fields(boolean withOpenMarker) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < fieldNames.size(); i++) {
            String name = fieldNames.get(i);
            parts.add((isOptional(name) ? "optional " : "") + quoted(name) + " = " + fieldTypes.get(i));
        }
        if (withOpenMarker) {
            parts.add("...");
        }
        return "[" + String.join(", ", parts) + "]";
    }

    private String parameters() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < fieldNames.size(); i++) {
            String name = fieldNames.get(i);
            parts.add((isOptional(name) ? "optional " : "") + quoted(name) + " as " + fieldTypes.get(i));
        }
        return "function (" + String.join(", ", parts) + ")";
    }

    /** A field name as M source writes it: bare when it is an identifier, else {@code #"..."}. */
    private static String quoted(String name) {
        return name.matches("[\\p{L}_][\\p{L}\\p{N}_]*") ? name : "#\"" + name.replace("\"", "\"\"") + "\"";
    }
}
