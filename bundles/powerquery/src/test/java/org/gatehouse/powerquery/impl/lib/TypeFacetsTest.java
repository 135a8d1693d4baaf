package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.fails;
import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/**
 * Type.Facets and Type.ReplaceFacets: the nine facets of a type (null when unknown), the ones a type's kind implies
 * (as Table.Schema reports them), and replaced facets that survive without changing which values the type accepts.
 */
public class TypeFacetsTest {

    private static final String NONE = "[NumericPrecisionBase = null, NumericPrecision = null, NumericScale = null, "
            + "DateTimePrecision = null, MaxLength = null, IsVariableLength = null, NativeTypeName = null, "
            + "NativeDefaultExpression = null, NativeExpression = null]";

    @Test
    public void aTypeWithoutFacetsHasThemAllNull() {
        same(NONE, "Type.Facets(type text)");
        same(NONE, "Type.Facets(type table [a = text])");
        same("{\"NumericPrecisionBase\", \"NumericPrecision\", \"NumericScale\", \"DateTimePrecision\", \"MaxLength\", "
                + "\"IsVariableLength\", \"NativeTypeName\", \"NativeDefaultExpression\", \"NativeExpression\"}",
                "Record.FieldNames(Type.Facets(type any))");
    }

    @Test
    public void numberAndTemporalTypesHaveTheFacetsTableSchemaShows() {
        same("[NumericPrecisionBase = 2, NumericPrecision = 64, NumericScale = 0]",
                "Record.SelectFields(Type.Facets(Int64.Type), {\"NumericPrecisionBase\", \"NumericPrecision\", "
                        + "\"NumericScale\"})");
        same("[NumericPrecisionBase = 10, NumericPrecision = 19, NumericScale = 4]",
                "Record.SelectFields(Type.Facets(Currency.Type), {\"NumericPrecisionBase\", \"NumericPrecision\", "
                        + "\"NumericScale\"})");
        same("7", "Type.Facets(type datetime)[DateTimePrecision]");
        same("null", "Type.Facets(type date)[DateTimePrecision]");
    }

    @Test
    public void replacedFacetsSurvive() {
        String varchar = "Type.ReplaceFacets(type text, [MaxLength = 50, IsVariableLength = true, "
                + "NativeTypeName = \"nvarchar\"])";
        same("[NumericPrecisionBase = null, NumericPrecision = null, NumericScale = null, DateTimePrecision = null, "
                + "MaxLength = 50, IsVariableLength = true, NativeTypeName = \"nvarchar\", "
                + "NativeDefaultExpression = null, NativeExpression = null]", "Type.Facets(" + varchar + ")");
        // a second replacement changes only the facets it names
        same("[MaxLength = 10, NativeTypeName = \"nvarchar\"]", "Record.SelectFields(Type.Facets(Type.ReplaceFacets("
                + varchar + ", [MaxLength = 10])), {\"MaxLength\", \"NativeTypeName\"})");
        same("[NumericPrecision = 38, NumericScale = 2, NumericPrecisionBase = 2]", "Record.SelectFields(Type.Facets("
                + "Type.ReplaceFacets(Int64.Type, [NumericPrecision = 38, NumericScale = 2])), {\"NumericPrecision\", "
                + "\"NumericScale\", \"NumericPrecisionBase\"})");
        // the facets go with the type through nullability and ascription
        same("50", "Type.Facets(type nullable " + varchar + ")[MaxLength]");
        same("50", "Type.Facets(Type.RecordFields(Type.ForRecord([a = [Type = " + varchar + ", Optional = false]], "
                + "false))[a][Type])[MaxLength]");
        same("[MaxLength = 50, NativeTypeName = \"nvarchar\"]", "Table.SelectColumns(Table.Schema("
                + "Table.TransformColumnTypes(#table({\"a\"}, {{\"x\"}}), {{\"a\", " + varchar + "}})), "
                + "{\"MaxLength\", \"NativeTypeName\"}){0}");
    }

    @Test
    public void facetsChangeNeitherCompatibilityNorEquality() {
        String limited = "Type.ReplaceFacets(type text, [MaxLength = 2])";
        same("true", limited + " = type text");
        same("true", "Type.Is(" + limited + ", type text)");
        same("true", "Type.Is(type text, " + limited + ")");
        same("true", "Value.Is(\"abcdef\", " + limited + ")");
        same("type nullable text", "Type.ReplaceFacets(type nullable text, [NativeTypeName = \"varchar\"])");
        fails("Expression.Error", "Type.ReplaceFacets(type text, \"MaxLength\")");
    }
}
