package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gatehouse.powerquery.impl.value.MRecord;
import org.gatehouse.powerquery.impl.value.MTable;
import org.gatehouse.powerquery.impl.value.MType;
import org.gatehouse.powerquery.impl.value.TypeFacets;

/**
 * Table.Schema and Type.TableSchema: one row describing each column of a table type. Facets that no source of ours
 * reports (native type names, defaults, lengths) are null; numeric precision follows the number facet.
 */
final class TableSchema {

    private static final List<String> COLUMNS = List.of("Name", "Position", "TypeName", "Kind", "IsNullable",
            "NumericPrecisionBase", "NumericPrecision", "NumericScale", "DateTimePrecision", "MaxLength",
            "IsVariableLength", "NativeTypeName", "NativeDefaultExpression", "Description");

    /** Base, precision and scale (null when floating) of the number facets. */
    private static final Map<String, Double[]> NUMERIC = Map.of(
            "number", new Double[] {2.0, 53.0, null},
            "Double", new Double[] {2.0, 53.0, null},
            "Single", new Double[] {2.0, 24.0, null},
            "Int64", new Double[] {2.0, 64.0, 0.0},
            "Int32", new Double[] {2.0, 32.0, 0.0},
            "Int16", new Double[] {2.0, 16.0, 0.0},
            "Int8", new Double[] {2.0, 8.0, 0.0},
            "Byte", new Double[] {2.0, 8.0, 0.0},
            "Currency", new Double[] {10.0, 19.0, 4.0});

    private static final Map<String, String> TYPE_NAMES = Map.of("datetime", "DateTime", "datetimezone", "DateTimeZone",
            "anynonnull", "AnyNonNull");

    private TableSchema() {
    }

    static MTable of(MType tableType) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < tableType.fieldList().size(); i++) {
            rows.add(row(tableType.fieldList().get(i), i, tableType.typeList().get(i)));
        }
        return new MTable(COLUMNS, null, rows);
    }

    private static Object[] row(String name, int position, MType type) {
        MRecord facets = facets(type);
        return new Object[] {name, (double) position, typeName(type), type.kind(), type.nullable(),
                facets.get("NumericPrecisionBase"), facets.get("NumericPrecision"), facets.get("NumericScale"),
                facets.get("DateTimePrecision"), facets.get("MaxLength"), facets.get("IsVariableLength"),
                facets.get("NativeTypeName"), facets.get("NativeDefaultExpression"), null};
    }

    /**
     * Type.Facets: the facets a type's kind implies (numeric precision from the number facet, seven fractional digits
     * of seconds for the temporal kinds, as Table.Schema reports them), overridden by those Type.ReplaceFacets gave.
     * Table.Schema reads its facet columns from here too, so a replaced facet shows in both.
     */
    static MRecord facets(MType type) {
        Double[] numeric = type.kind().equals("number")
                ? NUMERIC.getOrDefault(type.facet() == null ? "number" : type.facet(), new Double[3])
                : new Double[3];
        boolean temporal = type.kind().startsWith("datetime") || type.kind().equals("time");
        Object[] implied = {numeric[0], numeric[1], numeric[2], temporal ? 7.0 : null, null, null, null, null, null};
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < TypeFacets.NAMES.size(); i++) {
            String name = TypeFacets.NAMES.get(i);
            values.add(type.facets().has(name) ? type.facets().get(name) : implied[i]);
        }
        return new MRecord(TypeFacets.NAMES, values);
    }

    /** The library name of the column's type: Int64.Type for a facet, else the kind's (Text.Type, DateTime.Type). */
    static String typeName(MType type) {
        if (type.facet() != null) {
            return type.facet() + ".Type";
        }
        String kind = type.kind();
        String name = TYPE_NAMES.getOrDefault(kind, Character.toUpperCase(kind.charAt(0)) + kind.substring(1));
        return name + ".Type";
    }
}
