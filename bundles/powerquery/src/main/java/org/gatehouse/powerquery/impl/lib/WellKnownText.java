package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.gatehouse.powerquery.impl.value.Errors;
import org.gatehouse.powerquery.impl.value.MList;
import org.gatehouse.powerquery.impl.value.MRecord;
import org.gatehouse.powerquery.impl.value.Values;

/**
 * Geography.* and Geometry.* Well-Known Text, and the points GeographyPoint.From / GeometryPoint.From build. A spatial
 * value is a record whose Kind names the WKT shape: a POINT has its two coordinates (Longitude and Latitude for
 * geography, X and Y for geometry) and Z and M when present; a LINESTRING its Points; a POLYGON its Rings (linestrings);
 * the MULTI kinds and GEOMETRYCOLLECTION their Components. An SRID field records an SRID the text or the caller gave.
 * Shapes, field names and the text written ({@code POINT(10 20)}, {@code LINESTRING(10 10, 20 20, 21 30)}) follow the
 * library reference's descriptions and the worked examples on powerquery.how; Z and M are written the SQL Server way
 * the reference names ({@code POINT(1 2 3 4)}, {@code NULL} for a Z missing before an M).
 */
final class WellKnownText {

    /** Geography and geometry differ only in their coordinate names and their default SRID. */
    enum Flavor {
        GEOGRAPHY("Geography", "GeographyPoint", "Longitude", "Latitude"),
        GEOMETRY("Geometry", "GeometryPoint", "X", "Y");

        final String library;
        final String pointLibrary;
        final String first;
        final String second;

        Flavor(String library, String pointLibrary, String first, String second) {
            this.library = library;
            this.pointLibrary = pointLibrary;
            this.first = first;
            this.second = second;
        }
    }

    private static final List<String> COLLECTIONS = List.of("MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON",
            "GEOMETRYCOLLECTION");

    private WellKnownText() {
    }

    static void register(Library lib) {
        for (Flavor flavor : Flavor.values()) {
            lib.fn(flavor.library + ".FromWellKnownText", 1, 1, a -> Args.v(a, 0) == null ? null
                    : new WktReader(flavor, Args.text(a, 0)).read());
            lib.fn(flavor.library + ".ToWellKnownText", 1, 2, a -> Args.v(a, 0) == null ? null
                    : write(flavor, Args.record(a, 0), Boolean.TRUE.equals(Args.v(a, 1))));
            lib.fn(flavor.pointLibrary + ".From", 2, 5, a -> {
                MRecord point = point(flavor, number(a, 0), number(a, 1), number(a, 2), number(a, 3));
                Object srid = number(a, 4);
                return srid == null ? point : withSrid(point, srid);
            });
        }
    }

    /** An optional number argument, checked to be one. */
    private static Object number(Object[] a, int i) {
        Object v = Args.v(a, i);
        if (v != null) {
            Values.number(v);
        }
        return v;
    }

    /** A point record: Kind, the two coordinates, then Z and M when they are given. */
    static MRecord point(Flavor flavor, Object first, Object second, Object z, Object m) {
        List<String> names = new ArrayList<>(List.of("Kind", flavor.first, flavor.second));
        List<Object> values = new ArrayList<>(Arrays.asList("POINT", first, second));
        if (z != null) {
            names.add("Z");
            values.add(z);
        }
        if (m != null) {
            names.add("M");
            values.add(m);
        }
        return new MRecord(names, values);
    }

    static MRecord withSrid(MRecord shape, Object srid) {
        List<String> names = new ArrayList<>(shape.names());
        List<Object> values = new ArrayList<>();
        for (String name : names) {
            values.add(shape.get(name));
        }
        names.add("SRID");
        values.add(srid);
        return new MRecord(names, values);
    }

    /** The WKT of a spatial record, with its SRID first ({@code SRID=4269;POINT(1 2)}) unless omitted or absent. */
    static String write(Flavor flavor, MRecord shape, boolean omitSrid) {
        StringBuilder out = new StringBuilder();
        if (!omitSrid && shape.has("SRID") && shape.get("SRID") != null) {
            out.append("SRID=").append(Values.formatNumber(Values.number(shape.get("SRID")))).append(';');
        }
        writeShape(flavor, shape, out);
        return out.toString();
    }

    private static void writeShape(Flavor flavor, MRecord shape, StringBuilder out) {
        String kind = kind(shape);
        out.append(kind);
        // an empty point is one with no coordinate fields at all (what POINT EMPTY reads to)
        if (kind.equals("POINT") && shape.names().stream().allMatch(n -> n.equals("Kind") || n.equals("SRID"))) {
            out.append(" EMPTY");
            return;
        }
        List<Object> parts = switch (kind) {
            case "POINT" -> null;
            case "LINESTRING" -> parts(shape, "Points");
            case "POLYGON" -> parts(shape, "Rings");
            default -> parts(shape, "Components");
        };
        if (parts != null && parts.isEmpty()) {
            out.append(" EMPTY");
            return;
        }
        writeBody(flavor, shape, out);
    }

    /** A shape's parenthesised text without its tag: {@code (1 2)}, {@code ((0 0, 1 0, 0 0))}. */
    private static void writeBody(Flavor flavor, MRecord shape, StringBuilder out) {
        String kind = kind(shape);
        out.append('(');
        switch (kind) {
            case "POINT" -> writeCoordinates(flavor, shape, out);
            case "LINESTRING" -> join(parts(shape, "Points"), out, p -> writeCoordinates(flavor, shape(p), out));
            case "POLYGON" -> join(parts(shape, "Rings"), out, r -> writeBody(flavor, shape(r), out));
            case "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON" ->
                    join(parts(shape, "Components"), out, c -> writeBody(flavor, shape(c), out));
            case "GEOMETRYCOLLECTION" -> join(parts(shape, "Components"), out, c -> writeShape(flavor, shape(c), out));
            default -> throw Errors.expression("'" + kind + "' is not a Well-Known Text kind.");
        }
        out.append(')');
    }

    private static void writeCoordinates(Flavor flavor, MRecord point, StringBuilder out) {
        if (!kind(point).equals("POINT")) {
            throw Errors.expression("A " + kind(point) + " stands where a POINT is expected.");
        }
        out.append(coordinate(point, flavor.first)).append(' ').append(coordinate(point, flavor.second));
        Object z = point.has("Z") ? point.get("Z") : null;
        Object m = point.has("M") ? point.get("M") : null;
        if (z != null || m != null) {
            out.append(' ').append(z == null ? "NULL" : Values.formatNumber(Values.number(z)));
        }
        if (m != null) {
            out.append(' ').append(Values.formatNumber(Values.number(m)));
        }
    }

    private static String coordinate(MRecord point, String name) {
        if (!point.has(name)) {
            throw Errors.expression("The POINT record has no " + name + " field.");
        }
        return Values.formatNumber(Values.number(point.get(name)));
    }

    private static void join(List<Object> parts, StringBuilder out, java.util.function.Consumer<Object> each) {
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            each.accept(parts.get(i));
        }
    }

    private static String kind(MRecord shape) {
        if (!shape.has("Kind")) {
            throw Errors.expression("A spatial record needs a Kind field.");
        }
        return Values.text(shape.get("Kind")).toUpperCase(Locale.ROOT);
    }

    private static MRecord shape(Object v) {
        return Values.record(Values.strip(v));
    }

    private static List<Object> parts(MRecord shape, String field) {
        if (!shape.has(field)) {
            throw Errors.expression("A " + kind(shape) + " record needs a " + field + " field.");
        }
        MList list = Values.list(shape.get(field));
        return list.values();
    }

    /** Reads WKT (optionally after {@code SRID=n;}) into records: a recursive descent over the OGC grammar. */
    private static final class WktReader {
        private final Flavor flavor;
        private final String text;
        private int at;

        WktReader(Flavor flavor, String text) {
            this.flavor = flavor;
            this.text = text;
        }

        MRecord read() {
            Object srid = null;
            skipSpace();
            if (text.regionMatches(true, at, "SRID", 0, 4)) {
                at += 4;
                expect('=');
                skipSpace();
                srid = number();
                expect(';');
            }
            MRecord shape = taggedShape();
            skipSpace();
            if (at < text.length()) {
                throw invalid("unexpected text after the shape");
            }
            return srid == null ? shape : withSrid(shape, srid);
        }

        private MRecord taggedShape() {
            String kind = word();
            String dimensions = dimensions();
            return switch (kind) {
                case "POINT" -> empty() ? new MRecord(List.of("Kind"), List.of("POINT")) : parenthesised(
                        () -> coordinates(dimensions));
                case "LINESTRING" -> compound(kind, "Points", () -> lineString(dimensions));
                case "POLYGON" -> compound(kind, "Rings", () -> polygon(dimensions));
                case "MULTIPOINT" -> compound(kind, "Components", () -> multiPoint(dimensions));
                case "MULTILINESTRING" -> compound(kind, "Components",
                        () -> list(() -> shapeOf("LINESTRING", "Points", lineString(dimensions))));
                case "MULTIPOLYGON" -> compound(kind, "Components",
                        () -> list(() -> shapeOf("POLYGON", "Rings", polygon(dimensions))));
                case "GEOMETRYCOLLECTION" -> compound(kind, "Components", () -> list(this::taggedShape));
                default -> throw invalid("'" + kind + "' is not a shape Power Query reads");
            };
        }

        private MRecord compound(String kind, String field, java.util.function.Supplier<List<Object>> parts) {
            return shapeOf(kind, field, empty() ? List.of() : parts.get());
        }

        private static MRecord shapeOf(String kind, String field, List<Object> parts) {
            return new MRecord(List.of("Kind", field), List.of(kind, new MList(parts)));
        }

        /** The points of a linestring body: {@code (1 2, 3 4)}. */
        private List<Object> lineString(String dimensions) {
            return list(() -> coordinates(dimensions));
        }

        /** The rings of a polygon body, each a LINESTRING. */
        private List<Object> polygon(String dimensions) {
            return list(() -> shapeOf("LINESTRING", "Points", lineString(dimensions)));
        }

        /** MULTIPOINT's points, with or without their own parentheses: {@code ((1 2), (3 4))} or {@code (1 2, 3 4)}. */
        private List<Object> multiPoint(String dimensions) {
            return list(() -> {
                skipSpace();
                return at < text.length() && text.charAt(at) == '(' ? parenthesised(() -> coordinates(dimensions))
                        : coordinates(dimensions);
            });
        }

        /** A parenthesised, comma-separated list. */
        private List<Object> list(java.util.function.Supplier<Object> item) {
            expect('(');
            List<Object> items = new ArrayList<>();
            do {
                items.add(item.get());
                skipSpace();
            } while (accept(','));
            expect(')');
            return items;
        }

        private MRecord parenthesised(java.util.function.Supplier<MRecord> inside) {
            expect('(');
            MRecord r = inside.get();
            expect(')');
            return r;
        }

        /**
         * One position: two coordinates, then Z and M as the tag says (Z, M or ZM) or, untagged, as SQL Server reads
         * a third and fourth number; NULL stands for a missing Z.
         */
        private MRecord coordinates(String dimensions) {
            Object first = number();
            Object second = number();
            List<Object> more = new ArrayList<>();
            while (true) {
                skipSpace();
                if (at >= text.length() || text.charAt(at) == ',' || text.charAt(at) == ')') {
                    break;
                }
                if (text.regionMatches(true, at, "NULL", 0, 4)) {
                    at += 4;
                    more.add(null);
                } else {
                    more.add(number());
                }
            }
            int expected = switch (dimensions) {
                case "Z", "M" -> 1;
                case "ZM" -> 2;
                default -> more.size();
            };
            if (more.size() != expected || more.size() > 2) {
                throw invalid("a position needs " + (2 + expected) + " coordinates");
            }
            Object z = dimensions.equals("M") || more.isEmpty() ? null : more.get(0);
            Object m = dimensions.equals("M") ? more.get(0) : more.size() == 2 ? more.get(1) : null;
            return point(flavor, first, second, z, m);
        }

        private String dimensions() {
            skipSpace();
            for (String tag : List.of("ZM", "Z", "M")) {
                if (text.regionMatches(true, at, tag, 0, tag.length()) && !letterAt(at + tag.length())) {
                    at += tag.length();
                    return tag;
                }
            }
            return "";
        }

        private boolean empty() {
            skipSpace();
            if (text.regionMatches(true, at, "EMPTY", 0, 5) && !letterAt(at + 5)) {
                at += 5;
                return true;
            }
            return false;
        }

        private boolean letterAt(int i) {
            return i < text.length() && Character.isLetter(text.charAt(i));
        }

        private String word() {
            skipSpace();
            int start = at;
            while (letterAt(at)) {
                at++;
            }
            if (start == at) {
                throw invalid("a shape name is expected");
            }
            return text.substring(start, at).toUpperCase(Locale.ROOT);
        }

        private Double number() {
            skipSpace();
            int start = at;
            while (at < text.length() && "+-.0123456789eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            try {
                return Double.parseDouble(text.substring(start, at));
            } catch (NumberFormatException e) {
                at = start;
                throw invalid("a number is expected");
            }
        }

        private void expect(char c) {
            skipSpace();
            if (!accept(c)) {
                throw invalid("'" + c + "' is expected");
            }
        }

        private boolean accept(char c) {
            skipSpace();
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private RuntimeException invalid(String problem) {
            return Errors.dataFormat("The text is not valid Well-Known Text: " + problem + " at position " + (at + 1)
                    + " of '" + text + "'.");
        }
    }
}
