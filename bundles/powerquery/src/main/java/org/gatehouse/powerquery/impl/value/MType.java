package org.gatehouse.powerquery.impl.value;

import java.util.List;

/**
 * An M type value. {@code kind} is the primitive type name (number, text, table...); {@code facet} names the ascribed
 * refinement the library types carry ({@code Int64.Type} is number with facet "Int64"). Record and table types list
 * their fields; list types their item type.
 */
public record MType(String kind, boolean nullable, String facet, List<String> fieldNames, List<MType> fieldTypes,
        MType item) {

    public static final MType ANY = primitive("any");
    public static final MType TEXT = primitive("text");
    public static final MType NUMBER = primitive("number");
    public static final MType LOGICAL = primitive("logical");
    public static final MType NULL = primitive("null");

    public static MType primitive(String kind) {
        return new MType(kind, kind.equals("any") || kind.equals("null"), null, null, null, null);
    }

    public static MType facet(String kind, String facet) {
        return new MType(kind, false, facet, null, null, null);
    }

    public MType asNullable() {
        return new MType(kind, true, facet, fieldNames, fieldTypes, item);
    }

    public static MType table(List<String> names, List<MType> types) {
        return new MType("table", false, null, names, types, null);
    }

    public static MType record(List<String> names, List<MType> types) {
        return new MType("record", false, null, names, types, null);
    }

    /** Whether a (non-wrapped) value conforms to this type's primitive kind. */
    public boolean accepts(Object v) {
        if (v == null) {
            return nullable || kind.equals("any") || kind.equals("null");
        }
        return switch (kind) {
            case "any" -> true;
            case "anynonnull" -> true;
            case "none" -> false;
            default -> Values.kind(v).equals(kind);
        };
    }

    @Override
    public String toString() {
        String base = facet != null ? facet + ".Type" : kind;
        return nullable && !kind.equals("any") && !kind.equals("null") ? "nullable " + base : base;
    }
}
