package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gatehouse.powerquery.impl.value.MTable;
import org.gatehouse.powerquery.impl.value.MType;

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
        Double[] numeric = type.kind().equals("number")
                ? NUMERIC.getOrDefault(type.facet() == null ? "number" : type.facet(), new Double[3])
                : new Double[3];
        boolean temporal = type.kind().startsWith("datetime") || type.kind().equals("time");
        return new Object[] {name, (double) position, typeName(type), type.kind(), type.nullable(),
                numeric[0], numeric[1], numeric[2], temporal ? 7.0 : null, null,
                null, null, null, null};
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
