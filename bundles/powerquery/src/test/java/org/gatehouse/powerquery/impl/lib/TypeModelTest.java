package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.fails;
import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/** The M type model: record, function, list and table types (with keys), compatibility, equality and ascription. */
public class TypeModelTest {

    @Test
    public void recordTypes() {
        same("[p = [Type = type text, Optional = false], q = [Type = type nullable date, Optional = true]]",
                "Type.RecordFields(type [p = text, optional q = nullable date])");
        same("true", "Type.IsOpenRecord(type [p = text, ...])");
        same("false", "Type.IsOpenRecord(type [p = text])");
        same("true", "Type.IsOpenRecord(type record)");
        same("type [p = text, ...]", "Type.OpenRecord(type [p = text])");
        same("type [p = text]", "Type.ClosedRecord(type [p = text, ...])");
        same("type []", "Type.ClosedRecord(type record)");
        same("type [k = logical, optional w = number, ...]",
                "Type.ForRecord([k = [Type = type logical, Optional = false], w = [Type = type number, Optional = true]], true)");
        same("[]", "Type.RecordFields(type [...])");
        fails("Expression.Error", "Type.RecordFields(type {text})");
    }

    @Test
    public void functionTypes() {
        same("[n = type number, s = type nullable text]",
                "Type.FunctionParameters(type function (n as number, optional s as text) as logical)");
        same("1", "Type.FunctionRequiredParameters(type function (n as number, optional s as text) as logical)");
        same("type logical", "Type.FunctionReturn(type function (n as number) as logical)");
        same("type function (n as date, optional m as nullable date) as text",
                "Type.ForFunction([ReturnType = type text, Parameters = [n = type date, m = type date]], 1)");
        same("type function (a as any, optional b as nullable text) as any", "Value.Type((a, optional b as text) => a)");
        same("2", "Type.FunctionRequiredParameters(Value.Type(Text.Start))");
        same("false", "(type function (n as number) as text) = (type function (n as text) as text)");
    }

    @Test
    public void tableTypesAndKeys() {
        same("type [u = number, v = text]", "Type.TableRow(type table [u = number, v = text])");
        same("{[Columns = {\"u\"}, Primary = true]}",
                "Type.TableKeys(Type.AddTableKey(type table [u = number, v = text], {\"u\"}, true))");
        same("{[Columns = {\"v\", \"u\"}, Primary = false]}", "Type.TableKeys(Type.ReplaceTableKeys("
                + "Type.AddTableKey(type table [u = number, v = text], {\"u\"}, true), {[Columns = {\"v\", \"u\"}, Primary = false]}))");
        same("{}", "Type.TableKeys(Type.ReplaceTableKeys(Type.AddTableKey(type table [u = number], {\"u\"}, false), {}))");
        fails("Expression.Error", "Type.AddTableKey(type table [u = number], {\"nope\"}, true)");
        fails("Expression.Error", "Type.AddTableKey(Type.AddTableKey(type table [u = number, v = text], {\"u\"}, true), {\"v\"}, true)");
        same("false", "Type.AddTableKey(type table [u = number], {\"u\"}, true) = type table [u = number]");
        same("true", "Type.TableRow(type table [g = number]) = type [g = number]");
        same("{\"u\", \"v\"}", "Table.Column(Type.TableSchema(type table [u = Int64.Type, v = nullable text]), \"Name\")");
        same("{\"Int64.Type\", \"Text.Type\"}",
                "Table.Column(Type.TableSchema(type table [u = Int64.Type, v = nullable text]), \"TypeName\")");
        same("{false, true}", "Table.Column(Table.Schema(#table(type table [u = number, v = nullable text], {})), \"IsNullable\")");
        same("null", "Type.TablePartitionKey(type table [u = number])");
    }

    @Test
    public void compatibilityAndNullability() {
        same("true", "Type.Is(type date, type nullable date)");
        same("false", "Type.Is(type nullable date, type date)");
        same("true", "Type.Is(type [z = any], type record)");
        same("false", "Type.Is(type [z = any], type table)");
        same("true", "Type.Is(type null, type nullable text)");
        same("true", "Type.Is(type none, type text)");
        same("true", "Type.Is(type text, type anynonnull)");
        same("false", "Type.Is(type nullable text, type anynonnull)");
        same("type anynonnull", "Type.NonNullable(type any)");
        same("type none", "Type.NonNullable(type null)");
        same("type any", "type nullable anynonnull");
        same("type null", "type nullable none");
        same("true", "Type.IsNullable(type nullable [a = text])");
        same("type [a = text]", "Type.NonNullable(type nullable [a = text])");
        same("type any", "Type.ListItem(type list)");
        same("type nullable logical", "Type.Union({type logical, type null})");
        same("type any", "Type.Union({type logical, type text})");
    }

    @Test
    public void equality() {
        same("true", "type [a = number, optional b = text] = type [a = number, optional b = text]");
        same("false", "type [a = number, optional b = text] = type [a = number, b = text]");
        same("false", "type [a = number] = type [a = number, ...]");
        same("true", "type [...] = type record");
        same("true", "type {text} = type {text}");
        same("false", "type {text} = type {number}");
        // against a primitive type only the kind counts, so a record's own type still is "type record"
        same("true", "Value.Type([a = 1]) = type record");
        same("true", "Value.Type(#table({\"a\"}, {})) = type table");
        same("{\"n\", \"r\"}", "Table.ColumnsOfType(#table(type table [n = table [x = text], i = Int64.Type, r = number], {}),"
                + " {type table, type number})");
    }

    @Test
    public void valueTypes() {
        same("type [a = any, b = any]", "Value.Type([a = 1, b = \"x\"])");
        same("type table [c = any]", "Value.Type(#table({\"c\"}, {}))");
        same("type [q = number]", "Value.Type(Value.ReplaceType([p = 4], type [q = number]))");
        same("[q = 4]", "Value.ReplaceType([p = 4], type [q = number])");
        fails("Expression.Error", "Value.ReplaceType([p = 4], type [p = number, ...])");
        fails("Expression.Error", "Value.ReplaceType([p = 4], type [p = number, r = number])");
        fails("Expression.Error", "Value.ReplaceType(4, type text)");
        fails("Expression.Error", "Value.ReplaceType(4, type nullable number)");
        same("type {date}", "Value.Type(Value.ReplaceType({#date(2020, 1, 1)}, type {date}))");
        same("#table({\"x\", \"y\"}, {{1, 2}})",
                "Value.ReplaceType(#table({\"a\", \"b\"}, {{1, 2}}), type table [x = number, y = number])");
        fails("Expression.Error", "Value.ReplaceType(#table({\"a\", \"b\"}, {{1, 2}}), type table [x = number])");
        same("type function (s as text) as number",
                "Value.Type(Value.ReplaceType((v) => Text.Length(v), type function (s as text) as number))");
        same("3", "Value.ReplaceType((v) => Text.Length(v), type function (s as text) as number)(\"abc\")");
        fails("Expression.Error", "Value.ReplaceType((v) => v, type function (s as text, t as text) as number)");
        same("[m = 1]", "Value.Metadata(Value.ReplaceType([p = 4] meta [m = 1], type [q = number]))");
    }

    @Test
    public void functionFrom() {
        same("\"c-d\"", "Function.From(type function (x as text, y as text) as text, (l) => Text.Combine(l, \"-\"))(\"c\", \"d\")");
        same("12", "Function.From(type function (x as number, y as number, z as number) as number, List.Sum)(3, 4, 5)");
        same("type function (x as text, y as text) as text",
                "Value.Type(Function.From(type function (x as text, y as text) as text, (l) => \"\"))");
        fails("Expression.Error", "Function.From(type function (x as text) as text, (l) => \"\")(\"a\", \"b\")");
    }

    @Test
    public void scalarVector() {
        String scaled = "Function.ScalarVector(type function (p as number, q as number) as number,"
                + " (rows) => Table.TransformRows(rows, each [p] - [q]))";
        same("#table({\"x\", \"y\", \"d\"}, {{9, 4, 5}, {1, 1, 0}})",
                "Table.AddColumn(#table({\"x\", \"y\"}, {{9, 4}, {1, 1}}), \"d\", each " + scaled + "([x], [y]))");
        same("type function (p as number, q as number) as number", "Value.Type(" + scaled + ")");
        fails("Expression.Error", "Function.ScalarVector(type function (p as number) as number, (rows) => {1, 2})(3)");
    }

    @Test
    public void assertionsStillChecked() {
        fails("Expression.Error", "((n as number) => n)(\"seven\")");
        fails("Expression.Error", "((n) as text => n)(7)");
        same("null", "((n as number, optional s as text) => s)(1)");
        same("true", "[a = 1] is record");
        same("\"q\"", "\"q\" as nullable text");
        fails("Expression.Error", "\"q\" as number");
    }
}
