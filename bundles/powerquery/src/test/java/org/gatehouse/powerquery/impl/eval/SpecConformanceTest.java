package org.gatehouse.powerquery.impl.eval;

import static org.gatehouse.powerquery.impl.eval.M.fails;
import static org.gatehouse.powerquery.impl.eval.M.same;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.gatehouse.powerquery.LocalFileAccess;
import org.gatehouse.powerquery.MException;
import org.gatehouse.powerquery.impl.value.Values;
import org.junit.Test;

/**
 * Conformance with the M language specification, one test per chapter (operators split by operator family).
 * Each line restates a rule of the specification, or one of its examples, as an expression and the exact value it
 * must equal under M equality; {@code fails} cases must raise an error with exactly that reason. Where the
 * specification and the shipped Power Query disagree, the cases follow Power Query (see the comments in place).
 */
public class SpecConformanceTest {

    @Test
    public void combinationOfDateOrTimeWithNullIsNull() {
        // the spec's table for x & y: date & null and null & time give null; date & time merge
        same("null", "#date(2024, 1, 2) & null");
        same("null", "null & #time(3, 4, 5)");
        same("#datetime(2024, 1, 2, 3, 4, 5)", "#date(2024, 1, 2) & #time(3, 4, 5)");
        fails("Expression.Error", "#date(2024, 1, 2) & 1");
    }

    @Test
    public void lexicalStructure() {
        same("255", "0xff");
        same("\"Hello, world\"", "\"Hello, world\"");
        same("true", "\"#(000D)\" = \"#(cr)\"");
        same("true", "\"#(0000000D)\" = \"#(cr)\"");
        same("13", "Character.ToNumber(\"#(cr)\")");
        same("10", "Character.ToNumber(\"#(lf)\")");
        same("9", "Character.ToNumber(\"#(tab)\")");
        same("true", "\"#(cr,lf)\" = \"#(cr)#(lf)\"");
        same("\"#\" & \"(\"", "\"#(#)(\"");
        same("2", "Text.Length(\"#(#)(\")");
        same("2", "Text.Length(\"#(cr,lf)\")");
        same("\"A\"", "\"#(0041)\"");
        same("\"aAb\"", "\"a#(0041)b\"");
        same("\"The \" & Character.FromNumber(34) & \"quoted\" & Character.FromNumber(34) & \" text\"", "\"The \"\"quoted\"\" text\"");
        same("2", "Text.Length(\"\"\"\"\"\")");
        same("31", "0x1F");
        same("1500", "1.5e3");
        same("0.15", "1.5E-1");
        same("0.5", ".5");
        same("100", "1e+2");
        same("1/0", "#infinity");
        same("1", "let #\"x y\" = 1 in #\"x y\"");
        same("1", "[#\"x y\" = 1][x y]");
        same("1", "[#\"if\" = 1][#\"if\"]");
        same("1", "let a.b = 1 in a.b");
        same("1", "[a.b = 1][a.b]");
        same("3", "1 /* comment */ + 2");
        same("3", "1 + // comment\n 2");
        same("true", "#date(2020,1,1) = #date(2020,01,01)");
        same("1", "#shared[List.Count]({1})");
        same("3", "let _x = 1, x_1 = 2 in _x + x_1");
        same("1", "[#\"\" = 1][#\"\"]");
        same("\"\"", "\"\"");
        same("not false", "true");
        same("{1}", "#table(type table [A = number], {{1}})[A]");
        same("true", "\"a\" & \"#(lf)\" & \"b\" = \"a#(lf)b\"");
        same("Character.FromNumber(9)", "\"#(tab)\"");
        same("\"#(cr)#(lf)#(tab)\"", "\"#(cr,lf,tab)\"");
        // #(#) escapes only the hash: what follows it is plain text
        same("\"#\" & \"(cr)\"", "\"#(#)(cr)\"");
        fails("Expression.SyntaxError", "\"#(1F600)\"");
        same("Character.FromNumber(128512)", "\"#(0001F600)\"");
        fails("Expression.SyntaxError", "\"#(zz)\"");
        same("32", "0x10 + 0X10");
        fails("Expression.SyntaxError", "1.");
        fails("Expression.SyntaxError", "1.e2");
        same("1", "let #\"let\" = 1 in #\"let\"");
        same("1", "[#\"a\"\"b\" = 1][#\"a\"\"b\"]");
        same("1", "[ a b = 1][a b]");
        same("2", "let #\"#x\" = 2 in #\"#x\"");
        same("7", "/* multi\nline */ 7");
        same("2", "[a = 1, /* c */ b = 2][b]");
        same("3", "Text.Length(\"a\nb\")");
        same("true", "#sections is record");
        same("true", "#shared is record");
        same("1", "Number.Abs(-1)");
        same("\"A\"", "Text.Upper(\"a\")");
        same("true", "true = true");
        same("1", "[type = 1][type]");
        same("1", "[if = 1][if]");
        fails("Expression.SyntaxError", "0x");
        fails("Expression.SyntaxError", "1.5e");
        same("1", "let #\"A.B\" = 1 in #\"A.B\"");
        same("1", "[Value.Type = 1][Value.Type]");
        same("1", "[a = 1][ a ]");
        fails("Expression.Error", "#\"\"\"q\"\"\" ");
        same("1", "let x = 1 in x // trailing");
        same("1", "/* a */ 1 /* b */");
        same("\"a\"", "\"a\" /* not in text */");
        same("\"/\" & \"/ not a comment\"", "\"// not a comment\"");
        same("5", "0.5e1");
        fails("Expression.SyntaxError", "1_000");
        fails("Expression.SyntaxError", "{1, 2,}");
        fails("Expression.SyntaxError", "[a = 1,]");
        fails("Expression.SyntaxError", "let a = 1, in a");
        same("1", "Text.Length(\"#(0000)\")");
    }

    @Test
    public void basicConcepts() {
        same("4", "let x = 1 + 1 in x * 2");
        same("3", "[x = 1, y = 2, z = x + y][z]");
        same("6", "let a = [x = 1, y = 2, z = x + y], b = 3 in a[z] + b");
        same("10", "let a = [x = 1, y = 2, z = x + y], b = 3, x = 4 in a[z] + b + x");
        same("120", "let Factorial = (n) => if n <= 1 then 1 else n * @Factorial(n - 1) in Factorial(5)");
    }

    @Test
    public void values() {
        same("2", "Text.PositionOf(\"Hello\", \"ll\")");
        same("{ 1, 5, 6, 7, 8, 9, 11 }", "{ 1, 5..9, 11 }");
        same("2", "List.Count({true, false})");
        same("0", "List.Count({})");
        same("{1, 2, 3, 4, 5}", "{1, 2} & {3, 4, 5}");
        same("true", "{2, 1} <> {1, 2}");
        same("2", "Record.FieldCount([ x = 1, y = 2 ])");
        same("0", "Record.FieldCount([])");
        same("[ a = 1, b = 2, c = 3 ]", "[ a = 1, b = 2 ] & [ c = 3 ]");
        same("[ a = 3, b = 2 ]", "[ a = 1, b = 2 ] & [ a = 3 ]");
        same("true", "[ a = 1, b = 2 ] = [ b = 2, a = 1 ]");
        same("true", "[ a = 1, b = 2, c = 3 ] <> [ a = 1, b = 2 ]");
        same("3.14", "3.14");
        same("1000", "1.0e3");
        same("1000", "1e3");
        same("255", "0XFF");
        same("#duration(0, 0, 4, 30)", "#duration(0, 0, 5, -30)");
        same("#duration(1, 0, 0, 0)", "#duration(0, 24, 0, 0)");
        same("true", "#duration(0, 0, 0, 5.5) = #duration(0,0,0,5) + #duration(0,0,0,0.5)");
        fails("Expression.Error", "[ x = 1, x = 2 ]");
        same("2", "[ X = 1, x = 2 ][x]");
        same("{\"y\", \"x\"}", "Record.FieldNames([ y = 1, x = 2 ])");
        same("true", "#date(2013, 2, 26) = #date(2013, 2, 26)");
        same("true", "#time(9, 15, 0) < #time(10, 0, 0)");
        same("true", "#datetime(2013, 2, 26, 9, 15, 0) = #datetime(2013, 2, 26, 9, 15, 0)");
        // datetimezones compare as UTC instants
        same("true", "#datetimezone(2013, 2, 26, 9, 15, 0, 9, 0) = #datetimezone(2013, 2, 26, 0, 15, 0, 0, 0)");
        fails("Expression.Error", "#date(2013, 2, 29)");
        fails("Expression.Error", "#time(24, 0, 1)");
        fails("Expression.Error", "#date(10000, 1, 1)");
        same("true", "#binary({0x41, 0x42}) = #binary(\"QUI=\")");
        same("true", "#binary({1,2}) = #binary({1,2})");
        same("true", "#binary({1,2}) <> #binary({1,3})");
        same("false", "true and false");
        same("true", "true or false");
        same("true", "\"a\" & \"b\" = \"ab\"");
        same("false", "\"A\" = \"a\"");
        same("false", "\"a\" < \"B\"");
        same("null", "null & \"a\"");
        same("true", "#table({\"A\",\"B\"},{{1,2},{3,4}}) & #table({\"A\",\"B\"},{{5,6}}) = #table({\"A\",\"B\"},{{1,2},{3,4},{5,6}})");
        same("true", "#table({\"A\"},{{1}}) & #table({\"B\"},{{2}}) = #table({\"A\",\"B\"},{{1,null},{null,2}})");
        same("false", "(each _ + 1) = (each _ + 1)");
        same("true", "let f = each _ + 1 in f = f");
        same("false", "let f = (x) => x in f <> f");
        same("true", "type number = type number");
        same("true", "Value.Type(#table({\"A\"},{})) is type");
        same("true", "#duration(0, 0, 0, 5.5) = #duration(0, 0, 0, 5) + #duration(0, 0, 0, 0.5)");
        same("-5.5", "Duration.TotalSeconds(#duration(0, 0, 0, -5.5))");
        same("5.5", "Duration.TotalMinutes(#duration(0, 0, 5, 30))");
        same("4.5", "Duration.TotalMinutes(#duration(0, 0, 5, -30))");
        same("true", "#duration(0, 24, 0, 0) = #duration(1, 0, 0, 0)");
        same("{0, 1, 2, 3}", "Binary.ToList(#binary( {0x00, 0x01, 0x02, 0x03} ))");
        same("4", "Binary.Length(#binary({0x00, 0x01, 0x02, 0x03}))");
        same("[ a = 1, b = 2 ]", "Record.FromList({1, 2}, {\"a\", \"b\"})");
        same("2", "[ a = [ b = 2 ] ][a][b]");
        same("{1, 4, 9}", "#table({\"x\", \"x^2\"}, {{1,1}, {2,4}, {3,9}})[#\"x^2\"]");
        same("\"two\"", "#table(type table [Digit = number, Name = text], {{1,\"one\"}, {2,\"two\"}, {3,\"three\"}}){1}[Name]");
        same("#table({\"A\",\"B\",\"C\"}, {{1,2,null},{null,3,4}})", "#table({\"A\",\"B\"}, {{1,2}}) & #table({\"B\",\"C\"}, {{3,4}})");
        same("{\"A\",\"B\",\"C\"}", "Table.ColumnNames(#table({\"A\",\"B\"}, {{1,2}}) & #table({\"B\",\"C\"}, {{3,4}}))");
        same("\"C\"", "{\"A\", \"B\", \"C\"}{2}");
        same("2", "-1.5 + 3.5");
        same("true", "1e3 = 1000");
        same("true", "\"ABC\" = \"AB\" & \"C\"");
        same("#time(12, 30, 0)", "#time(12, 25, 0) + #duration(0, 0, 5, 0)");
        same("true", "Value.Type(#datetimezone(2013,02,26, 09,15,00, 09,00)) = type datetimezone");
        same("9", "DateTimeZone.ZoneHours(#datetimezone(2013,02,26, 09,15,00, 09,00))");
        same("true", "#datetimezone(2020,1,1,0,0,0,-14,0) is datetimezone");
        fails("Expression.Error", "#date(2020, 13, 1)");
        fails("Expression.Error", "#time(1, 60, 0)");
        same("true", "#time(1, 0, 59.9999999) < #time(1, 1, 0)");
        same("true", "#datetime(2020,1,1,0,0,0) + #duration(0,0,0,0.5) > #datetime(2020,1,1,0,0,0)");
        // durations count whole 100-nanosecond ticks
        same("true", "#duration(0,0,0,0.00000001) = #duration(0,0,0,0)");
    }

    @Test
    public void types() {
        same("type number", "Value.Type( 2 )");
        same("type list", "Value.Type( {2} )");
        same("type record", "Value.Type( [ X = 1, Y = 2 ] )");
        same("true", "1 is number");
        same("false", "1 is text");
        same("true", "{2} is list");
        same("type number", "Value.Type( 1 as number )");
        same("type number", "Value.Type(42 as nullable number)");
        same("type null", "Value.Type(null as nullable number)");
        same("true", "Type.Is(type text, type nullable text)");
        same("false", "Type.Is(type nullable text, type text)");
        same("false", "Type.Is(type number, type text)");
        same("true", "Type.Is(type [a=any], type record)");
        same("false", "Type.Is(type [a=any], type list)");
        same("true", "Value.Type( [ X = 1, Y = 2 ] ) is type");
        same("true", "Type.Is(Value.Type([X=1]), type record)");
        fails("Expression.Error", "{2} as text");
        same("true", "Type.Is(type { number }, type list)");
        same("type number", "Type.ListItem(type { number })");
        same("type {text}", "Type.ListItem(type {{ text }})");
        same("type text", "Type.ListItem(Type.ListItem(type {{ text }}))");
        same("true", "Type.IsOpenRecord(type [ ... ])");
        same("false", "Type.IsOpenRecord(type [ a = number ])");
        same("true", "Type.IsOpenRecord(type [ a = number, ... ])");
        same("[ A = [Type = type text, Optional = false], B = [Type = type time, Optional = true] ]", "Type.RecordFields(type [ A = text, optional B = time ])");
        same("type time", "Type.RecordFields(type [ A = text, B = time ])[B][Type]");
        same("{\"X\",\"Y\"}", "Record.FieldNames(Type.RecordFields(type [X = number, Y = date]))");
        same("true", "Type.Is(type [X = number], type record)");
        same("type text", "Type.FunctionReturn(type function (x as number) as text)");
        same("[ x = type number, y = type nullable text ]", "Type.FunctionParameters(type function (x as number, optional y as text) as any)");
        same("1", "Type.FunctionRequiredParameters(type function (x as number, optional y as text) as any)");
        same("1", "Type.FunctionRequiredParameters(Value.Type((x, optional y) => x))");
        same("2", "Record.FieldCount(Type.FunctionParameters(Value.Type((x, optional y) => x)))");
        same("true", "Type.TableSchema(type table [A = number]) is table");
        same("{\"A\",\"B\"}", "Record.FieldNames(Type.RecordFields(Type.TableRow(type table [A = number, B = text])))");
        same("type [A = number]", "Type.TableRow(type table [A = number])");
        same("type number", "Type.RecordFields(Type.TableRow(type table [A = number]))[A][Type]");
        same("true", "42 is nullable number");
        same("true", "Type.IsNullable(type nullable number)");
        same("false", "Type.IsNullable(type number)");
        same("true", "Type.IsNullable(type any)");
        same("true", "Type.IsNullable(type null)");
        same("true", "Type.IsNullable(type nullable nullable text)");
        same("type text", "Type.NonNullable(type nullable text)");
        same("true", "type nullable any = type any");
        same("true", "Type.Is(type null, type nullable text)");
        same("true", "Type.Is(type none, type number)");
        same("true", "Type.Is(type number, type any)");
        same("true", "Type.Is(type number, type anynonnull)");
        same("false", "Type.Is(type nullable number, type anynonnull)");
        same("true", "Type.Is(type {number}, type list)");
        same("true", "Type.Is(type function (x as number) as text, type function)");
        same("true", "Type.Is(type table [A=number], type table)");
        same("false", "Type.Is(type any, type number)");
        same("type number", "type number");
        same("true", "type nullable number = type nullable number");
        same("false", "type text = type number");
        same("true", "Value.Type(1 as number) = type number");
        same("true", "Value.Type(\"a\") = type text");
        same("true", "Value.Type(null) = type null");
        same("true", "Value.Type(true) = type logical");
        same("true", "Value.Type(#date(2020,1,1)) = type date");
        same("true", "Value.Type(#binary({})) = type binary");
        same("true", "Value.Type(type number) = type type");
        same("2", "({1, 2} as list){1}");
        same("false", "[a=1] is table");
        same("true", "Value.Type(#table({\"A\"},{{1}})) is type");
        same("true", "Type.Is(Value.Type(#table({\"A\"},{{1}})), type table)");
        same("true", "(type [a = number]) is type");
        same("true", "Type.IsOpenRecord(type record)");
        same("false", "Type.RecordFields(type [#\"a b\" = text])[#\"a b\"][Optional]");
        same("true", "type { number } is type");
        same("true", "type function (x as number) as number is type");
        fails("Expression.SyntaxError", "let t = type number in 1 is t");
        same("false", "Type.Is(type table [A=number], type record)");
        same("true", "Value.Type(Value.ReplaceType(1, type number)) = type number");
        same("type number", "Type.ListItem(Value.Type(Value.ReplaceType({1}, type {number})))");
        same("false", "1 is nullable text");
        same("1", "1 as nullable number");
        same("null", "null as nullable text");
        fails("Expression.Error", "\"a\" as nullable number");
        fails("Expression.Error", "1 as type");
        same("type number", "type number as type");
        same("true", "(type table [A = number]) is type");
        same("true", "Type.Is(type nullable number, type nullable any)");
        same("false", "Type.Is(type nullable number, type number)");
        same("true", "Type.Is(type text, type anynonnull)");
        same("false", "Type.Is(type null, type anynonnull)");
        same("true", "Type.Is(type none, type null)");
        same("false", "Type.Is(type table, type record)");
        same("true", "Type.Is(type function, type function)");
        same("true", "Type.Is(type type, type type)");
        same("type type", "Value.Type(Value.Type(1))");
        same("true", "Type.Is(Value.Type(each _), type function)");
        same("1", "Type.FunctionRequiredParameters(Value.Type(each _))");
        same("type any", "Type.FunctionParameters(Value.Type(each _))[_]");
        same("true", "Type.IsNullable(Type.FunctionReturn(Value.Type((x) => x)))");
        same("type any", "Type.ListItem(type list)");
        same("false", "Type.NonNullable(type nullable {number}) = type nullable {number}");
        same("true", "Value.Is(1, type number)");
        same("true", "Value.Is(null, type nullable text)");
        same("false", "Value.Is(\"a\", type number)");
        same("true", "Value.Is({1}, type {text})");
        same("true", "Value.Is([a=1], type [b=text])");
        same("1", "Value.As(1, type number)");
        fails("Expression.Error", "Value.As(\"a\", type number)");
        same("true", "Type.RecordFields(type [a = nullable number])[a][Type] = type nullable number");
        same("false", "Type.IsOpenRecord(Value.Type([a=1]))");
        same("{\"a\",\"b\"}", "Record.FieldNames(Type.RecordFields(Value.Type([a=1, b=\"x\"])))");
        same("type any", "Type.RecordFields(Value.Type([a=1]))[a][Type]");
        same("{\"A\",\"B\"}", "Table.ColumnNames(#table(type table [A = number, B = text], {}))");
        same("type text", "Type.TableColumn(type table [A = number, B = text], \"B\")");
        same("true", "Type.Is(type [a=number], type [a=number])");
        same("true", "type [a = number, optional b = text] is type");
        same("true", "Type.RecordFields(type [optional b = text])[b][Optional]");
        same("type nullable text", "Type.FunctionParameters(type function (optional x as nullable text) as any)[x]");
        same("true", "Type.ClosedRecord(type [a = number, ...]) is type");
        same("false", "Type.IsOpenRecord(Type.ClosedRecord(type [a = number, ...]))");
        same("true", "Type.IsOpenRecord(Type.OpenRecord(type [a = number]))");
        same("true", "(type nullable number) = (type nullable number)");
        same("true", "Type.IsNullable(type nullable table)");
        same("false", "Type.IsNullable(type list)");
        same("false", "Type.IsNullable(type none)");
        // Type.ForList is how the specification builds a list type
        same("type number", "Type.ListItem(type nullable ( Type.ForList({type number}) ))");
        same("true", "Type.IsNullable(type nullable ( Type.ForList({type number}) ))");
        same("type [A = any]", "let record = type [ A = any ] in Type.ListItem(type {(record)})");
        same("type any", "Type.RecordFields(Type.ListItem(let record = type [ A = any ] in type {(record)}))[A][Type]");
        same("true", "Type.IsOpenRecord(type [ Name = text, ... ])");
        same("true", "Type.RecordFields(type [ Title = text, optional Description = text ])[Description][Optional]");
        same("type nullable text", "Type.FunctionParameters(type function (optional x as text) as any)[x]");
        same("{\"A\",\"B\",\"C\"}", "Table.ColumnNames(#table(type table [A = text, B = number, C = binary], {}))");
        same("{[Columns = {\"A\",\"B\"}, Primary = false]}", "Table.Keys(#table(Type.AddTableKey(type table [A = text, B = number], {\"A\", \"B\"}, false), {}))");
        same("{}", "Type.TableKeys(Type.ReplaceTableKeys(Type.AddTableKey(type table [A = text], {\"A\"}, true), {}))");
        same("type number", "Type.ListItem(Value.Type( Value.ReplaceType( {1}, type {number} ) ))");
        same("type date", "Type.RecordFields(Type.TableRow( type table [X=number, Y=date] ))[Y][Type]");
        same("1", "Type.FunctionRequiredParameters(type function (x as number, optional y as text) as number)");
        same("true", "type {number} is type");
        same("true", "Type.Is(type nullable number, type nullable number)");
        same("true", "(type (type number)) = type number");
        same("true", "Type.IsNullable(type nullable (type number))");
        same("true", "type table [#\"a b\" = number] is type");
        same("true", "Type.Is(type function (x as number) as number, type function)");
        same("true", "type [a = (type number)] is type");
        same("true", "Type.RecordFields(type [a = {number}])[a][Type] is type");
        same("type nullable number", "Type.TableColumn(type table [a = nullable number], \"a\")");
        same("type number", "let n = 1 in Value.Type(n)");
        same("true", "Type.Is(type anynonnull, type any)");
        same("false", "Type.Is(type any, type anynonnull)");
        same("true", "Type.Is(type null, type null)");
        same("true", "Value.Type(1 meta [a=1]) is type");
    }

    @Test
    public void operatorsMetadata() {
        same("true", "(1 meta [ a = 1 ]) = (1 meta [ a = 2 ])");
        same("true", "(1 meta [ a = 1 ]) = 1");
        same("[Rating = 5]", "Value.Metadata( \"Mozart\" meta [ Rating = 5 ] )");
        same("5", "Value.Metadata( \"Mozart\" meta [ Rating = 5 ] )[Rating]");
        same("[]", "Value.Metadata(\"Amadeus \" & (\"Mozart\" meta [ Rating = 5 ]))");
        same("[a=1,b=2]", "Value.Metadata((1 meta [a=1]) meta [b=2])");
        same("[a=2]", "Value.Metadata((1 meta [a=1]) meta [a=2])");
        fails("Expression.Error", "1 meta 2");
        same("[]", "Value.Metadata(Value.RemoveMetadata(1 meta [a=1]))");
        same("[b=2]", "Value.Metadata(Value.ReplaceMetadata(1 meta [a=1], [b=2]))");
        same("[a=1, b=2]", "Value.Metadata(1 meta [a=1] meta [b=2])");
        same("2", "(1 meta [a=1]) + 1");
        same("[]", "Value.Metadata((1 meta [a=1]) + 1)");
        same("[a=2, b=3]", "Value.Metadata(1 meta [a=1] meta [a=2, b=3])");
        same("[]", "Value.Metadata(\"x\" meta [])");
        same("[a=1]", "Value.Metadata(null meta [a=1])");
        same("true", "(null meta [a=1]) = null");
        fails("Expression.Error", "Value.Metadata({1} meta [a=1]){0}?");
        same("\"xy\"", "(\"x\" meta [a=1]) & \"y\"");
        same("[]", "Value.Metadata(Value.Type(1 meta [a = 1]))");
        same("\"n\"", "Value.Metadata(type number meta [Documentation.Name = \"n\"])[Documentation.Name]");
        same("[]", "Value.Metadata(Value.Type(type number meta [x=1]))");
        same("true", "Value.Type(1 meta [a=1]) = type number");
        same("true", "(1 meta [a=1]) is number");
        same("true", "(1 meta [a=1]) meta [b=2] = 1");
        same("[a=1]", "Value.Metadata(if true then 1 meta [a=1] else 2)");
        same("[a=1]", "Value.Metadata(let x = 1 meta [a=1] in x)");
        same("[a=1]", "Value.Metadata([f = 1 meta [a=1]][f])");
        same("[a=1]", "Value.Metadata({1 meta [a=1]}{0})");
        same("[a=1]", "Value.Metadata(((x) => x)(1 meta [a=1]))");
        same("[a=1]", "Value.Metadata(try (1 meta [a=1]) otherwise 0)");
        same("-1", "- (1 meta [a=1])");
        same("[]", "Value.Metadata(-(1 meta [a=1]))");
        // meta binds tighter than the arithmetic operators
        same("2", "1 meta [a=1] + 1");
        same("true", "type number meta [a=1] is type");
        // only the meta operator yields a value carrying metadata; as returns the bare value
        same("[]", "let x = 1 meta [a=1] in Value.Metadata(x as number)");
        same("[A=1, C=3]", "[A = 1] meta [B = 2] & [C = 3]");
        same("{1,2,3}", "{1, 2} & {3} meta [a=1]");
        same("true", "(each _ + 1) meta [a = 1] is function");
        same("5", "(((x) => x) meta [a=1])(5)");
        same("1", "Value.Metadata(Value.Type(1) meta [x=1])[x]");
        same("[a=2,b=2,c=3]", "Value.Metadata(1 meta [a=1] meta [a=2, b=2] meta [c=3])");
        same("true", "\"abc\" meta [a=1] = \"abc\"");
        same("true", "{1} = {1 meta [a=1]}");
    }

    @Test
    public void operatorsTypeOperators() {
        same("1", "1 as number");
        fails("Expression.Error", "\"A\" as number");
        same("null", "null as nullable number");
        same("\"Expression.Error\"", "try (\"A\" as number) catch (e) => e[Reason]");
        fails("Expression.Error", "null as number");
        same("null", "null as any");
        same("null", "null as null");
        same("1", "1 as anynonnull");
        fails("Expression.Error", "null as anynonnull");
        same("{1}", "{1} as list");
        same("[a=1]", "[a=1] as record");
        same("true", "1 is nullable number");
        same("false", "null is number");
        same("true", "null is nullable number");
        same("true", "null is null");
        same("true", "null is any");
        same("false", "null is anynonnull");
        same("true", "1 is anynonnull");
        same("true", "1 is any");
        same("true", "\"a\" is text");
        same("true", "#date(2020,1,1) is date");
        same("false", "#date(2020,1,1) is datetime");
        same("false", "#datetime(2020,1,1,0,0,0) is date");
        same("true", "#datetimezone(2020,1,1,0,0,0,0,0) is datetimezone");
        same("true", "#time(1,0,0) is time");
        same("true", "#duration(1,0,0,0) is duration");
        same("true", "#binary({1}) is binary");
        same("true", "(each _) is function");
        same("true", "type number is type");
        same("true", "#table({},{}) is table");
        same("true", "[a=1] is record");
        same("true", "{1} is list");
        same("true", "true is logical");
        same("false", "1 is none");
        same("true", "(1 as number) is number");
        // is and as take a primitive type name, not a type expression
        fails("Expression.SyntaxError", "1 is type number");
        same("true", "1 as number is number");
        same("type number", "let f = (x as number) as number => x in Type.FunctionReturn(Value.Type(f))");
        same("3", "Function.From(type function (a as number, b as number) as number, List.Sum)(1, 2)");
    }

    @Test
    public void operatorsTemporalArithmetic() {
        same("#duration(0,1,30,0)", "+ #duration(0,1,30,0)");
        same("#duration(-1,0,0,0)", "- #duration(1,0,0,0)");
        same("#duration(0,-1,-30,0)", "- #duration(0,1,30,0)");
        same("false", "#date(2020,1,1) = #datetime(2020,1,1,0,0,0)");
        same("true", "#date(2020,1,1) < #date(2020,1,2)");
        same("true", "#duration(1,0,0,0) > #duration(0,23,0,0)");
        same("true", "#datetimezone(2020,1,1,10,0,0,2,0) < #datetimezone(2020,1,1,9,0,0,0,0)");
        fails("Expression.Error", "#date(2020,1,1) < #datetime(2020,1,1,0,0,0)");
        same("#duration(2, 2, 31, 0.4)", "#duration(2,1,0,15.1) + #duration(0,1,30,45.3)");
        same("#date(2010,5,20)", "#date(2010,05,20) + #duration(0,8,0,0)");
        same("#date(2010,5,21)", "#date(2010,05,20) + #duration(1,0,0,0)");
        same("#date(2010,3,2)", "#date(2010,01,31) + #duration(30,08,0,0)");
        same("#datetime(2010,5,20,8,0,0)", "#datetime(2010,5,20,0,0,0) + #duration(0,8,0,0)");
        same("#datetime(2010,3,2,8,0,0)", "#datetime(2010,1,31,0,0,0) + #duration(30,8,0,0)");
        same("#datetimezone(2010, 5, 20, 16, 30, 0, -8, 0)", "#datetimezone(2010,05,20,12,00,00,-08,0) + #duration(0,04,30,00)");
        same("#datetimezone(2010, 10, 11, 0, 0, 0, 0, 0)", "#datetimezone(2010,10,10,0,0,0,0,0) + #duration(1,0,0,0)");
        same("#time(13, 0, 0)", "#time(8,0,0) + #duration(30,5,0,0)");
        same("#time(1, 0, 0)", "#time(23,0,0) + #duration(0,2,0,0)");
        same("#date(2010,5,20)", "#duration(0,8,0,0) + #date(2010,5,20)");
        same("#time(2,0,0)", "#duration(0,1,0,0) + #time(1,0,0)");
        fails("Expression.Error", "#date(2010,1,1) + #date(2010,1,1)");
        fails("Expression.Error", "#date(2010,1,1) + 1");
        same("#datetime(2010,1,1,1,0,0)", "#date(2010,1,1) & #time(1,0,0)");
        same("#datetime(2013,02,26,09,17,00)", "#date(2013,02,26) & #time(09,17,00)");
        same("#duration(1, 2, 29, 29.55)", "#duration(1,2,30,0) - #duration(0,0,0,30.45)");
        // a date sits at midnight on the timeline, so going back 8 hours lands on the previous day
        same("#date(2010,5,19)", "#date(2010,05,20) - #duration(00,08,00,00)");
        same("#datetime(2010,5,19,16,0,0)", "#datetime(2010,5,20,0,0,0) - #duration(0,8,0,0)");
        same("#datetime(2009,12,31,16,0,0)", "#datetime(2010,1,31,0,0,0) - #duration(30,8,0,0)");
        same("#duration(16,00,00,00)", "#date(2010,01,31) - #date(2010,01,15)");
        same("#duration(-16,00,00,00)", "#date(2010,01,15) - #date(2010,01,31)");
        same("#duration(521,22,46,41)", "#datetimezone(2010,05,20,16,06,00,-08,00) - #datetimezone(2008,12,15,04,19,19,03,00)");
        same("#duration(0, -6, -30, 0)", "#time(01,30,00) - #time(08,00,00)");
        same("#duration(0,12,0,0)", "#datetime(2010,1,2,0,0,0) - #datetime(2010,1,1,12,0,0)");
        same("true", "let t = #date(2010,3,1), u = #date(2010,1,15) in u + (t - u) = t");
        fails("Expression.Error", "#date(2010,1,1) - #time(1,0,0)");
        fails("Expression.Error", "#duration(0,0,0,1) - 1");
        same("#duration(4, 2, 0, 30.2)", "#duration(2,1,0,15.1) * 2");
        same("#duration(4, 2, 0, 30.2)", "2 * #duration(2,1,0,15.1)");
        same("#duration(0,12,0,0)", "#duration(1,0,0,0) * 0.5");
        same("#duration(1,0,0,0)", "#duration(2,0,0,0) / 2");
        same("3", "#duration(0,1,30,0) / #duration(0,0,30,0)");
        same("2", "#duration(0,2,0,0) / #duration(0,1,0,0)");
        fails("Expression.Error", "2 / #duration(1,0,0,0)");
        same("true", "#duration(0,0,0,1) = #duration(0,0,0,1.0)");
        same("true", "#date(2020,1,1) <> #date(2020,1,2)");
        same("false", "#time(1,0,0) = #duration(0,1,0,0)");
        same("#datetimezone(2019,12,31,23,0,0,1,0)", "#datetimezone(2020,1,1,0,0,0,1,0) - #duration(0,1,0,0)");
        same("#datetimezone(2020,1,1,0,0,0,1,30)", "#datetimezone(2020,1,1,0,0,0,1,30) + #duration(0,0,0,0)");
        same("false", "#datetimezone(2020,1,1,0,0,0,-14,0) < #datetimezone(2020,1,1,0,0,0,14,0)");
        fails("Expression.Error", "#datetimezone(2020,1,1,0,0,0,15,0)");
        same("#date(2021,2,28)", "#date(2020,2,29) + #duration(365,0,0,0)");
        same("#duration(0,0,0,0)", "#date(2020,1,1) - #date(2020,1,1)");
        same("#time(23,59,59)", "#time(0,0,0) - #duration(0,0,0,1)");
        same("#duration(1,0,0,0.0000001)", "#duration(1,0,0,0) + #duration(0,0,0,0.0000001)");
        fails("Expression.Error", "#duration(1,0,0,0) - #date(2020,1,1)");
        same("null", "#duration(1,0,0,0) * null");
        same("null", "null - #duration(1,0,0,0)");
        same("null", "#date(2020,1,1) + null");
        same("true", "#time(23,59,59) > #time(0,0,0)");
        same("false", "#datetimezone(2020,1,1,0,0,0,0,0) = #datetime(2020,1,1,0,0,0)");
        same("{#datetimezone(2020,1,1,1,0,0,1,0)}", "List.Distinct({#datetimezone(2020,1,1,1,0,0,1,0), #datetimezone(2020,1,1,0,0,0,0,0)})");
        same("#duration(0,1,0,0)", "- - #duration(0,1,0,0)");
        fails("Expression.Error", "null * #date(2020,1,1)");
        fails("Expression.Error", "#time(1,0,0) / null");
        same("null", "null + #date(2020,1,1)");
        same("null", "#time(1,0,0) - null");
        same("null", "null * #duration(1,0,0,0)");
        same("null", "#duration(1,0,0,0) / null");
    }

    @Test
    public void operatorsItemAndFieldAccess() {
        same("\"a\"", "{\"a\",\"b\",\"c\"}{0}");
        same("[A=2]", "{1, [A=2], 3}{1}");
        fails("Expression.Error", "{true, false}{2}");
        same("[A=0,B=1]", "#table({\"A\",\"B\"},{{0,1},{2,1}}){0}");
        same("[A=2,B=1]", "#table({\"A\",\"B\"},{{0,1},{2,1}}){[A=2]}");
        fails("Expression.Error", "#table({\"A\",\"B\"},{{0,1},{2,1}}){[B=3]}");
        fails("Expression.Error", "#table({\"A\",\"B\"},{{0,1},{2,1}}){[B=1]}");
        same("\"a\"", "{\"a\",\"b\",\"c\"}{0}?");
        same("[A=2]", "{1, [A=2], 3}{1}?");
        same("null", "{true, false}{2}?");
        same("[A=0,B=1]", "#table({\"A\",\"B\"},{{0,1},{2,1}}){0}?");
        same("[A=2,B=1]", "#table({\"A\",\"B\"},{{0,1},{2,1}}){[A=2]}?");
        same("null", "#table({\"A\",\"B\"},{{0,1},{2,1}}){[B=3]}?");
        fails("Expression.Error", "#table({\"A\",\"B\"},{{0,1},{2,1}}){[B=1]}?");
        same("1", "{ error \"a\", 1, error \"c\"}{1}");
        fails("Expression.Error", "{ error \"a\", error \"b\"}{1}");
        same("2", "[A=1,B=2][B]");
        fails("Expression.Error", "[A=1,B=2][C]");
        same("null", "[A=1,B=2][C]?");
        same("[B=2]", "[A=1,B=2][[B]]");
        fails("Expression.Error", "[A=1,B=2][[C]]");
        // the optional projection fills the missing field with null
        same("[B=2,C=null]", "[A=1,B=2][[B],[C]]?");
        same("1", "let _ = [A=1,B=2] in [A]");
        same("1", "[A=error \"a\", B=1, C=error \"c\"][B]");
        fails("Expression.Error", "[A=error \"a\", B=error \"b\"][B]");
        // lists are built lazily, so a list may contain itself
        same("0", "let l = {0, @l} in l{1}{1}{0}");
        // a value defined through itself, with no list or record in between, is a cyclic reference
        fails("Expression.Error", "[A=B, B=A][A]");
        same("\"Expression.Error\"", "try [A=B, B=A][A] catch (e) => e[Reason]");
        same("2", "{{1},{2}}{1}{0}");
        fails("Expression.Error", "{1,2}{-1}");
        fails("Expression.Error", "{1,2}{1.5}");
        fails("Expression.Error", "{1,2}{\"a\"}");
        fails("Expression.Error", "{1,2}{null}");
        fails("Expression.Error", "1{0}");
        fails("Expression.Error", "{1,2}{2}");
        same("\"Expression.Error\"", "try {1,2}{2} catch (e) => e[Reason]");
        same("null", "{1,2}{2}?");
        same("\"Expression.Error\"", "try #table({\"A\",\"B\"},{{0,1},{2,1}}){[B=1]} catch (e) => e[Reason]");
        same("\"Expression.Error\"", "try #table({\"A\",\"B\"},{{0,1},{2,1}}){5} catch (e) => e[Reason]");
        same("{0,2}", "#table({\"A\",\"B\"},{{0,1},{2,1}})[A]");
        same("true", "#table({\"A\",\"B\"},{{0,1},{2,1}})[[B]] = #table({\"B\"},{{1},{1}})");
        fails("Expression.Error", "#table({\"A\",\"B\"},{{0,1}})[C]");
        same("null", "#table({\"A\",\"B\"},{{0,1}})[C]?");
        same("#table({\"A\",\"C\"},{{0,null}})", "#table({\"A\",\"B\"},{{0,1}})[[A],[C]]?");
        same("[A=1,B=2]", "[A=1,B=2][[A],[B]]");
        same("[B=2,A=1]", "[A=1,B=2][[B],[A]]");
        same("{\"B\",\"A\"}", "Record.FieldNames([A=1,B=2][[B],[A]])");
        fails("Expression.Error", "[A=1,B=2][[B],[C]]");
        same("[C=null]", "[A=1,B=2][[C]]?");
        same("[B=1]", "[A=error \"a\", B=1][[B]]");
        same("{[a=1, b=1]}", "List.Select( {[a=1, b=1], [a=2, b=4]}, each [a] = [b])");
        same("{[A=1]}", "List.Transform({[A=1,B=2]}, each [[A]])");
        same("[B=2]", "let _ = [A=1,B=2] in [[B]]");
        same("null", "let _ = [A=1,B=2] in [C]?");
        same("\"bad\"", "try (let f = (x) => [a = error \"bad\", b = x] in f(1)[a]) catch (e) => e[Message]");
        fails("Expression.Error", "{1, error \"x\"}{1}");
        same("\"boom\"", "try {1, error \"boom\"}{1} catch (e) => e[Message]");
        same("2", "[a = 1, b = @a + 1][b]");
        same("\"b\"", "#table({\"K\",\"V\"},{{1,\"a\"},{2,\"b\"}}){[K=2]}[V]");
        same("2", "#table({\"K\",\"V\"},{{1,\"a\"},{2,\"b\"}}){[K=2, V=\"b\"]}[K]");
        same("null", "#table({\"K\",\"V\"},{{1,\"a\"}}){[K=9]}?");
        same("1", "{1,2,3}{0.0}");
        fails("Expression.Error", "\"abc\"{0}");
        fails("Expression.Error", "{1}[a]");
        fails("Expression.Error", "null[a]");
        fails("Expression.Error", "null{0}");
        same("null", "null[a]?");
        fails("Expression.Error", "1[a]");
        fails("Expression.Error", "[a=1][[a],[a]]");
        same("2", "let r = [A = 1, B = [C = A + 1]] in r[B][C]");
        same("5", "[A = 1, B = let A = 5 in A][B]");
        same("\"The field 'b' of the record wasn't found.\"", "try [a=1][b] catch (e) => e[Message]");
        same("\"There weren't enough elements in the enumeration to complete the operation.\"", "try {1}{5} catch (e) => e[Message]");
        fails("Expression.Error", "{[a=1],[a=2]}{[a=2]}");
        same("[a=2]", "#table({\"a\"},{{1},{2}}){1}");
        same("{3}", "List.Transform({[#\"Column Name\" = 3]}, each [Column Name])");
        same("1", "#table({\"a\"},{{1}}){[a=1]}[a]");
        fails("Expression.Error", "#table({\"a\",\"b\"},{{1,2},{1,3}}){[a=1]}");
        same("3", "#table({\"a\",\"b\"},{{1,2},{1,3}}){[a=1, b=3]}[b]");
        fails("Expression.Error", "#table({\"a\"},{{1}}){[c=1]}");
        fails("Expression.Error", "#table({\"a\"},{{1}}){-1}");
        fails("Expression.Error", "{1,2}{[a=1]}");
        same("1", "[A = 1, B = 2][[A]][A]");
    }

    @Test
    public void operatorsLogicalAndCoalesce() {
        same("false", "not true");
        same("true", "not false");
        same("false", "not (true and true)");
        same("null", "true and null");
        same("false", "null and false");
        same("false", "false and null");
        same("true", "null or true");
        same("null", "null or false");
        same("null", "null or null");
        same("null", "false or null");
        same("true", "true or null");
        fails("Expression.Error", "1 and true");
        fails("Expression.Error", "true and 1");
        same("false", "false and 1");
        same("true", "true or 1");
        same("null", "not null");
        fails("Expression.Error", "not 1");
        fails("Expression.Error", "\"a\" and true");
        same("1", "null ?? 1");
        same("2", "2 ?? 1");
        same("null", "null ?? null");
        same("1", "1 ?? error \"x\"");
        same("3", "null ?? null ?? 3");
        same("2", "(null ?? 1) + 1");
        same("true", "1 + 2 = 3 and 2 + 2 = 4");
        same("true", "true or false and false");
        same("true", "not true = false");
        same("true", "null = null and true");
        same("true", "not (null = 1)");
        // not is a unary operator: it applies to 1 before the comparison
        fails("Expression.Error", "not 1 = 2");
    }

    @Test
    public void operatorsEqualityAndComparison() {
        same("false", "1 <> 1");
        same("true", "1 <> 2");
        // NaN is unequal to everything, itself included
        same("false", "#nan = #nan");
        same("true", "#nan <> #nan");
        same("true", "{1, 2} = {1, 2}");
        same("false", "{2, 1} = {1, 2}");
        same("false", "{1, 2, 3} = {1, 2}");
        same("true", "[ A = 1, B = 2 ] = [ A = 1, B = 2 ]");
        same("true", "[ B = 2, A = 1 ] = [ A = 1, B = 2 ]");
        same("false", "[ A = 1, B = 2, C = 3 ] = [ A = 1, B = 2 ]");
        same("false", "[ A = 1 ] = [ A = 1, B = 2 ]");
        same("true", "#table({\"A\",\"B\"},{{1,2}}) = #table({\"A\",\"B\"},{{1,2}})");
        same("false", "#table({\"A\",\"B\"},{{1,2}}) = #table({\"X\",\"Y\"},{{1,2}})");
        same("true", "#table({\"A\",\"B\"},{{1,2}}) = #table({\"B\",\"A\"},{{2,1}})");
        same("true", "0 <= 1");
        same("null", "null < 1");
        same("null", "null <= null");
        // texts compare ordinally, code unit by code unit
        same("true", "\"ab\" < \"abc\"");
        same("false", "#nan >= #nan");
        same("false", "#nan <= #nan");
        same("[ x = 1, y = 2 ]", "[ x = 1 ] & [ y = 2 ]");
        same("[ x = 3, y = 2, z = 4 ]", "[ x = 1, y = 2 ] & [ x = 3, z = 4 ]");
        same("{[a=1, b=1]}", "List.Select( {[a=1, b=1], [a=2, b=4]}, (_) => _[a] = _[b])");
        same("42", "let f = (x) => [a = error \"bad\", b = x], g = try f(42) otherwise 123 in g[b]");
        fails("Expression.Error", "let f = (x) => [a = error \"bad\", b = x], g = try f(42) otherwise 123 in g[a]");
        same("false", "1 = \"1\"");
        same("true", "1 <> \"1\"");
        same("false", "{1} = [a=1]");
        same("true", "#infinity = #infinity");
        same("true", "-#infinity < #infinity");
        same("true", "0 = -0");
        same("true", "1/0 = 2/0");
        same("false", "#nan < 1");
        same("false", "#nan > 1");
        same("false", "1 < #nan");
        same("true", "\"b\" > \"abc\"");
        same("null", "null >= null");
        same("null", "1 < null");
        same("true", "false < true");
        same("true", "true > false");
        fails("Expression.Error", "{1} < {2}");
        fails("Expression.Error", "[a=1] < [a=2]");
        fails("Expression.Error", "1 < \"1\"");
        same("true", "#binary({1}) < #binary({2})");
        same("null", "null < \"a\"");
        same("{\"x\",\"y\",\"z\"}", "Record.FieldNames([ x = 1, y = 2 ] & [ z = 4, x = 3 ])");
        fails("Expression.Error", "[a=1] & {1}");
        same("true", "1 < 2 = true");
        fails("Expression.Error", "let r = [a = error \"e\", b = 1] in r = r");
        same("true", "[a = 1] = [a = 1.0]");
        same("true", "[a = {1, [b = 2]}] = [a = {1, [b = 2]}]");
        same("false", "#table({\"A\"},{{1}}) = #table({\"A\"},{{1},{1}})");
        same("true", "#table({\"A\"},{}) = #table({\"A\"},{})");
        same("false", "#table({\"A\"},{}) = #table({\"B\"},{})");
        fails("Expression.Error", "[a=1]{0}");
        same("false", "0.1 + 0.2 = 0.3");
        same("true", "Value.Add(0.1, 0.2, Precision.Decimal) = 0.3");
        same("true", "Value.Equals([a=1], [a=1])");
        same("true", "(1 < 2) = true");
        fails("Expression.Error", "2 > 1 > 0");
        same("false", "\"a\" = null");
        same("true", "{} = {}");
        same("true", "[] = []");
        same("true", "{null} = {null}");
        same("false", "{#nan} = {#nan}");
        same("true", "-0 = 0");
        fails("Expression.Error", "[a=1] & null");
        same("false", "\"abc\" >= \"abd\"");
        same("true", "\"\" < \"a\"");
        same("true", "\"Z\" < \"a\"");
        same("3", "Expression.Evaluate(\"1 + x\", [x = 2])");
        same("[a=1]", "let t = #table({\"a\"},{{1},{2}}) in t{[a=1]}");
        same("true", "{1..3} = {1,2,3}");
        same("\"We cannot apply operator & to types List and Number.\"", "try ({1} & 2) catch (e) => e[Message]");
        same("true", "type table [A = number] = type table [A = number]");
        same("true", "#binary({1,2}) > #binary({1})");
        same("true", "#binary({255}) > #binary({1})");
        same("1", "let a = 1 in @a");
        same("\"ee\"", "let r = [a = error \"e\"] in (try r[a] catch (x) => x[Message]) & (try r[a] catch (x) => x[Message])");
        fails("Expression.Error", "null < {1}");
        fails("Expression.Error", "[a=1] >= null");
        same("null", "null < #binary({1})");
        same("null", "true > null");
    }

    @Test
    public void operatorsArithmeticAndConcatenation() {
        same("7", "1 + 2 * 3");
        same("9", "(1 + 2) * 3");
        same("[]", "Value.Metadata( \"Mozart\" )");
        same("2", "1 + 1");
        same("true", "Number.IsNaN(#nan + #infinity)");
        same("0", "1 - 1");
        same("true", "Number.IsNaN(#nan - #infinity)");
        same("8", "2 * 4");
        same("null", "6 * null");
        same("true", "Number.IsNaN(#nan * #infinity)");
        same("4", "8 / 2");
        same("#infinity", "8 / 0");
        same("true", "Number.IsNaN(0 / 0)");
        same("null", "0 / null");
        same("true", "Number.IsNaN(#nan / #infinity)");
        same("\"ABCDE\"", "\"AB\" & \"CDE\"");
        same("{1, 2, 3}", "{1, 2} & {3}");
        same("-1", "+ - 1");
        same("1", "+ + 1");
        same("true", "Number.IsNaN(+ #nan)");
        same("-2", "- (1 + 1)");
        same("1", "- - 1");
        same("-1", "- - - 1");
        same("true", "Number.IsNaN(- #nan)");
        same("true", "Number.IsNaN(#infinity + -#infinity)");
        same("true", "Number.IsNaN(#infinity - #infinity)");
        same("null", "1 + null");
        same("null", "null + null");
        fails("Expression.Error", "1 + \"2\"");
        fails("Expression.Error", "\"1\" + \"2\"");
        same("true", "Number.IsNaN(#infinity * 0)");
        same("-#infinity", "-1 * #infinity");
        fails("Expression.Error", "\"a\" * 2");
        same("-#infinity", "-8 / 0");
        same("true", "Number.IsNaN(#infinity / #infinity)");
        same("0", "1 / #infinity");
        same("null", "\"AB\" & null");
        fails("Expression.Error", "\"A\" & 1");
        same("{}", "{} & {}");
        fails("Expression.Error", "{1} & \"a\"");
        same("null", "+ null");
        fails("Expression.Error", "+ \"a\"");
        same("-#infinity", "- #infinity");
        same("null", "- null");
        fails("Expression.Error", "- \"a\"");
        fails("Expression.Error", "- true");
        same("4", "2 * 3 - 4 / 2");
        same("-4", "1 - 2 - 3");
        same("1", "8 / 4 / 2");
        same("6", "-2 * -3");
        same("\"abc\"", "\"a\" & \"b\" & \"c\"");
        same("#infinity", "1e309");
        same("-#infinity", "-1e309");
        same("0", "1e-400");
        same("true", "Value.Equals(1, 1)");
        same("-1", "Value.Compare(1, 2)");
        same("null", "Value.NullableEquals(null, 1)");
        same("\"1\"", "\"1\" & \"\"");
        same("-#infinity", "1/(-1/#infinity)");
        same("null", "null & null");
        fails("Expression.Error", "{1} & null");
        fails("Expression.Error", "true + true");
        fails("Expression.Error", "true & false");
        same("3", "Expression.Evaluate(\"List.Sum({1,2})\", #shared)");
        same("{\"a\",\"b\",\"c\"}", "{\"a\"..\"c\"}");
        same("{5}", "{3..1, 5}");
        same("2", "try error \"a\" otherwise 1 + 1");
        fails("Expression.Error", "{1..1.5}");
        same("1000", "1E3");
        // null propagates only beside operands the operator accepts; other pairings are errors
        fails("Expression.Error", "null + \"a\"");
        fails("Expression.Error", "\"a\" - null");
        fails("Expression.Error", "null + {1}");
    }

    @Test
    public void letExpressions() {
        same("11", "let x = 1 + 1, y = 2 + 2, z = y + 1 in x + y + z");
        same("11", "[x = 1 + 1, y = 2 + 2, z = y + 1, result = x + y + z][result]");
        same("2", "let x = error \"unused\", y = 2 in y");
        fails("Expression.Error", "let x = y, y = x in x");
        same("2", "let a = 1 in let a = 2 in a");
        same("10", "let #\"a b\" = 5 in #\"a b\" * 2");
        fails("Expression.SyntaxError", "let in 1");
        fails("Expression.Error", "let a = 1, a = 2 in a");
        same("4", "let a = 1, b = a + 1, c = b * 2 in c");
        same("6", "let a = let b = 2 in b * 3 in a");
        same("7", "let f = (x) => let y = x * 2 in y + 1 in f(3)");
        same("3", "let x = 1 in [x = 2][x] + x");
        same("2", "let x = 1, r = [y = x + 1] in r[y]");
        same("6", "let a = {1, 2, 3}, b = List.Sum(a) in b");
        same("2", "let #\"Step 1\" = 1, #\"Step 2\" = #\"Step 1\" + 1 in #\"Step 2\"");
        same("7", "let a = b, b = c, c = 7 in a");
        same("12", "let a = 1 in let b = a + 1 in let a = 10 in a + b");
        same("2", "[a = 1, b = [a = 2, c = a]][b][c]");
        same("1", "[a = 1, b = [c = a]][b][c]");
        same("2", "[x = 1, y = [x = 2, z = @x]][y][z]");
        same("2", "let f = (x) => [x = x + 1][x] in f(1)");
        // a field initializer does not see its own field (only @x would), so x is the outer one
        same("2", "let x = 1 in [x = x + 1][x]");
        same("16", "let x = 2, y = x * x in y * y");
    }

    @Test
    public void conditionals() {
        same("2", "if 2 > 1 then 2 else 1");
        same("\"yes\"", "if 1 = 1 then \"yes\" else \"no\"");
        fails("Expression.Error", "if null then 1 else 2");
        fails("Expression.Error", "if \"true\" then 1 else 2");
        same("1", "if true then 1 else error \"not evaluated\"");
        same("2", "if false then error \"not evaluated\" else 2");
        fails("Expression.Error", "if 1 then 1 else 2");
        same("2", "if false then 1 else if true then 2 else 3");
        same("null", "if 1 > 2 then \"a\" else null");
        same("1", "if null = null then 1 else 2");
        same("\"y\"", "if (1 = 1) and (2 = 2) then \"y\" else \"n\"");
        fails("Expression.Error", "if error \"cond\" then 1 else 2");
        same("2", "(if true then each _ + 1 else each _)(1)");
        fails("Expression.SyntaxError", "if true then 1");
    }

    @Test
    public void functions() {
        same("6", "[MyFunction = (x, y, z) => x + y + z, Result1 = MyFunction(1, 2, 3)][Result1]");
        same("1", "let MyFunction = (x, optional y) => if (y = null) then x else x + y in MyFunction(1)");
        same("1", "let MyFunction = (x, optional y) => if (y = null) then x else x + y in MyFunction(1, null)");
        same("4", "let MyFunction = (x, optional y) => if (y = null) then x else x + y in MyFunction(2, 2)");
        fails("Expression.Error", "let f = (x) => x in f()");
        fails("Expression.Error", "let f = (x) => x in f(1, 2)");
        fails("Expression.Error", "let f = () => 1 in f(1)");
        fails("Expression.Error", "let f = (x, optional y) => x in f(1, 2, 3)");
        same("null", "let f = (optional x) => x in f()");
        same("\"Expression.Error\"", "try ((x) => x)() catch (e) => e[Reason]");
        fails("Expression.Error", "let f = (x as number) => x in f(\"a\")");
        same("1", "let f = (x as number) => x in f(1)");
        same("null", "let f = (x as nullable number) => x in f(null)");
        fails("Expression.Error", "let f = (x as number) => x in f(null)");
        same("null", "let f = (optional x as number) => x in f(null)");
        fails("Expression.Error", "let f = (x) as number => x in f(\"a\")");
        same("\"a\"", "let f = (x) as text => x in f(\"a\")");
        same("3", "let f = (x as text) as number => Text.Length(x) in f(\"abc\")");
        same("2", "let f = (x as list) => List.Count(x) in f({1,2})");
        fails("Expression.Error", "let f = (x as record) => x in f(1)");
        same("null", "let f = (x as any) => x in f(null)");
        fails("Expression.Error", "let f = (x as anynonnull) => x in f(null)");
        same("6", "[Factorial = (x) => if x = 0 then 1 else x * @Factorial(x - 1), Result = Factorial(3)][Result]");
        same("6", "[Factorial = (x) => if x = 0 then 1 else Factorial2(x), Factorial2 = (x) => x * Factorial(x - 1), Result = Factorial(3)][Result]");
        same("3", "[MyFunction = (x) => () => x, MyFunction1 = MyFunction(1), MyFunction2 = MyFunction(2), Result = MyFunction1() + MyFunction2()][Result]");
        same("1", "[A = [MyFunction = () => C, C = 1], B = A[MyFunction]()][B]");
        same("2", "(each _ + 1)(1)");
        same("2", "((_) => _ + 1)(1)");
        same("5", "(each [A])([A=5])");
        same("true", "Table.SelectRows(#table({\"Weight\"},{{10},{15}}), each [Weight] > 12) = #table({\"Weight\"},{{15}})");
        same("true", "Table.SelectRows(#table({\"Weight\"},{{10},{15}}), (_) => _[Weight] > 12) = #table({\"Weight\"},{{15}})");
        same("3", "let f = (x, y) => x + y in Function.Invoke(f, {1, 2})");
        same("true", "Value.Type((x as number, optional y as text) => x) is type");
        same("type number", "Type.FunctionReturn(Value.Type((x) as number => x))");
        same("type number", "Type.FunctionParameters(Value.Type((x as number) => x))[x]");
        same("1", "let x = 1, f = () => x in let x = 2 in f()");
        same("1", "let f = (x) => error \"bad\" in 1");
        same("true", "(() => error \"bad\") is function");
        same("null", "(each _)(null)");
        same("2", "(each each _)(1)(2)");
        same("100", "let f = (n) => if n = 0 then 0 else 1 + @f(n - 1) in f(100)");
        same("false", "((x) => x) = ((x) => x)");
        same("{1, null, null}", "let f = (x, optional y, optional z) => {x, y, z} in f(1)");
        same("{1, 2, null}", "let f = (x, optional y, optional z) => {x, y, z} in f(1, 2)");
        fails("Expression.SyntaxError", "let f = (optional x, y) => x in f(1, 2)");
        same("\"a1\"", "let f = (x as number, y as text) => y & Text.From(x) in f(1, \"a\")");
        same("null", "let f = (x as nullable text) as nullable text => x in f(null)");
        same("null", "let f = (x) as nullable number => x in f(null)");
        fails("Expression.Error", "let f = (x) as number => x in f(null)");
        fails("Expression.Error", "let f = (x as date) => x in f(#datetime(2020,1,1,0,0,0))");
        same("3", "let f = (x as function) => x(1) in f(each _ * 3)");
        same("1", "let f = (x as table) => Table.RowCount(x) in f(#table({\"a\"},{{1}}))");
        same("type text", "let f = (x as type) => x in f(type text)");
        fails("Expression.Error", "let f = (x as binary) => x in f(\"a\")");
        fails("Expression.Error", "let f = (x) => x + 1 in f(error \"arg\")");
        // arguments are evaluated before the body, even when the body ignores them
        fails("Expression.Error", "let f = (x) => 1 in f(error \"arg\")");
        fails("Expression.Error", "let f = (x as number) => 1 in f(error \"arg\")");
        same("null", "Function.Invoke((optional x) => x, {})");
        same("4", "let g = (h) => h(2) in g((n) => n * n)");
        same("11", "let compose = (f, g) => (x) => f(g(x)) in compose(each _ + 1, each _ * 2)(5)");
        same("{3, 2, 1}", "let counter = (n) => if n = 0 then {} else {n} & @counter(n - 1) in counter(3)");
        same("true", "let even = (n) => if n = 0 then true else odd(n - 1), odd = (n) => if n = 0 then false else even(n - 1) in even(10)");
        same("{11, 12}", "let x = 10, f = each _ + x in List.Transform({1, 2}, f)");
        same("{1, 4}", "List.Transform({1, 2}, each _ * _)");
        same("{2}", "List.Transform({[a=1]}, each [a] + _[a])");
        same("{2}", "List.Transform({{1,2}}, each _{1})");
        same("1", "(each 1)(\"ignored\")");
        fails("Expression.Error", "(each _)()");
        fails("Expression.Error", "(each _)(1, 2)");
        fails("Expression.Error", "1(2)");
        fails("Expression.Error", "null(1)");
    }

    @Test
    public void errorHandling() {
        fails("Expression.Error", "g[a]");
        same("\"A\"", "let x = try \"A\" in if x[HasError] then x[Error] else x[Value]");
        // an error raised from a text keeps the three classic fields
        same("[ Reason = \"Expression.Error\", Message = \"A\", Detail = null ]", "let x = try error \"A\" in if x[HasError] then x[Error] else x[Value]");
        same("\"Expression.Error\"", "(try error \"A\")[Error][Reason]");
        same("\"A\"", "(try error \"A\")[Error][Message]");
        same("null", "(try error \"A\")[Error][Detail]");
        same("true", "(try error \"A\")[HasError]");
        same("[HasError = false, Value = 1]", "try 1");
        same("1", "(try 1)[Value]");
        same("false", "(try 1)[HasError]");
        same("\"A\"", "let x = try error \"A\" catch (e) => e in x[Message]");
        same("\"Expression.Error\"", "let x = try error \"A\" catch (e) => e in x[Reason]");
        same("1", "try error \"A\" otherwise 1");
        same("1", "try error \"A\" catch () => 1");
        fails("Expression.Error", "try error \"A\" otherwise error \"B\"");
        same("\"B\"", "try (try error \"A\" otherwise error \"B\") catch (e) => e[Message]");
        same("\"B\"", "try (try error \"A\" catch () => error \"B\") catch (e) => e[Message]");
        same("\"B\"", "try (try error \"A\" catch (e) => error \"B\") catch (e) => e[Message]");
        same("1", "try 1 otherwise 2");
        same("1", "try 1 catch (e) => 2");
        same("\"A!\"", "try error \"A\" catch (e) => e[Message] & \"!\"");
        same("\"FileNotFound\"", "try error [Reason = \"FileNotFound\", Message = \"File my.txt not found\", Detail = \"my.txt\"] catch (e) => e[Reason]");
        same("\"my.txt\"", "try error [Reason = \"FileNotFound\", Message = \"File my.txt not found\", Detail = \"my.txt\"] catch (e) => e[Detail]");
        same("\"File my.txt not found\"", "try error Error.Record(\"FileNotFound\", \"File my.txt not found\", \"my.txt\") catch (e) => e[Message]");
        fails("FileNotFound", "error Error.Record(\"FileNotFound\", \"File my.txt not found\", \"my.txt\")");
        same("\"Unexpected value '???' in field Customer\"", "try error [Message.Format = \"Unexpected value '#{0}' in field #{1}\", Message.Parameters = {\"???\", \"Customer\"}] catch (e) => e[Message]");
        same("{\"???\", \"Customer\"}", "try error [Message.Format = \"Unexpected value '#{0}' in field #{1}\", Message.Parameters = {\"???\", \"Customer\"}] catch (e) => e[Message.Parameters]");
        same("\"Expression.Error\"", "try error [Message = \"m\"] catch (e) => e[Reason]");
        same("\"Expression.Error\"", "try error 1 catch (e) => e[Reason]");
        same("\"Expression.Error\"", "try error null catch (e) => e[Reason]");
        same("2", "[A = error \"A\", B = A + 1, C = let x = try A in if not x[HasError] then x[Value] else x[Error], D = 1 + 1][D]");
        same("\"A\"", "[A = error \"A\", B = A + 1, C = let x = try A in if not x[HasError] then x[Value] else x[Error], D = 1 + 1][C][Message]");
        same("\"A\"", "try [A = error \"A\", B = A + 1][B] catch (e) => e[Message]");
        fails("Expression.Error", "[A = error \"A\", B = A + 1][B]");
        same("1", "let f = (x, y) => if x > y then x - y else ... in f(2, 1)");
        fails("Expression.Error", "let f = (x, y) => if x > y then x - y else ... in f(1, 2)");
        same("\"Not Implemented\"", "try (...) catch (e) => e[Message]");
        same("\"Expression.Error\"", "try (...) catch (e) => e[Reason]");
        same("false", "(try {1, error \"e\"})[HasError]");
        same("false", "(try [a = error \"e\"])[HasError]");
        same("true", "(try 1 + error \"e\")[HasError]");
        same("\"A\"", "try error \"A\" catch (e) => try error e catch (f) => f[Message]");
        same("\"A\"", "try error (try error \"A\")[Error] catch (e) => e[Message]");
        same("3", "try error \"A\" otherwise try error \"B\" otherwise 3");
        fails("Expression.Error", "error \"A\"");
        same("#infinity", "try (1/0) otherwise 0");
        same("\"DataFormat.Error\"", "try Number.FromText(\"x\") catch (e) => e[Reason]");
        fails("Expression.SyntaxError", "try error \"a\" catch (e, f) => 1");
        fails("Expression.Error", "let x = try error \"A\" in x[Value]");
        same("2", "let r = [A = error \"bad\", B = 2] in r[B]");
        same("\"bad\"", "let r = [A = error \"bad\", B = 2] in try r[A] catch (e) => e[Message]");
        same("2", "List.Count({error \"a\", error \"b\"})");
        same("#infinity", "try 1 / 0 catch () => 2");
        same("1", "let r = try error [Reason = \"My.Reason\", Message = \"m\", Detail = [x = 1]] in r[Error][Detail][x]");
        same("null", "try error \"A\" otherwise null");
        fails("Expression.Error", "(try error \"A\")[Value]");
        fails("Expression.Error", "(try 5)[Error]");
        same("\"inner\"", "try error error \"inner\" catch (e) => e[Message]");
        same("\"R\"", "try error Error.Record(\"R\") catch (e) => e[Reason]");
        same("\"M\"", "try error Error.Record(\"R\", \"M\") catch (e) => e[Message]");
        same("\"D\"", "try error Error.Record(\"R\", \"M\", \"D\") catch (e) => e[Detail]");
        same("\"R\"", "Error.Record(\"R\", \"M\", \"D\")[Reason]");
        same("\"Expression.Error\"", "try error {1} catch (e) => e[Reason]");
        same("\"caught\"", "let x = error \"lazy\" in try x otherwise \"caught\"");
        same("\"caught\"", "let x = [a = error \"f\"] in try x[a] otherwise \"caught\"");
        same("1", "let x = [a = error \"f\"] in Record.FieldCount(x)");
        same("2", "let l = {error \"a\", 2} in List.Last(l)");
        same("\"in list\"", "try List.Sum({1, error \"in list\"}) catch (e) => e[Message]");
        same("\"A\"", "try (try error \"A\")[Error][Message] otherwise \"no\"");
        same("\"Not Implemented\"", "try ... catch (e) => e[Message]");
        same("\"Expression.Error\"", "let f = () => ... in try f() catch (e) => e[Reason]");
        same("1", "let f = () => ... in 1");
        same("true", "try error \"A\" catch (e) => e is record");
        same("true", "(try 1) is record");
        same("{\"HasError\", \"Value\"}", "Record.FieldNames(try 1)");
        same("{\"HasError\", \"Error\"}", "Record.FieldNames(try error \"a\")");
        same("\"A cyclic reference was encountered during evaluation.\"", "try [A=B, B=A][A] catch (e) => e[Message]");
        same("42", "try error Error.Record(\"R\", \"M\", null, null, 42) catch (e) => e[ErrorCode]");
        same("\"a\"", "try {error \"a\", 1}{0} catch (e) => e[Message]");
        fails("Expression.Error", "let x = try error \"A\" in x[Error][Message.Format]");
        same("{}", "(try error [Reason=\"R\", Message=\"M\", Detail=null, Message.Format=\"M\", Message.Parameters={}])[Error][Message.Parameters]");
        same("{\"Reason\",\"Message\",\"Detail\"}", "try error \"x\" catch (e) => Record.FieldNames(e)");
        same("\"Expression.Error\"", "(try ...)[Error][Reason]");
        fails("Expression.Error", "let f = (x, y) => x + y in f(1)");
        same("null", "try error \"x\" catch (e) => e[Detail]");
        fails("Expression.SyntaxError", "try error \"a\" catch (e) => e[Message] otherwise 1");
    }

    @Test
    public void sections() {
        Engine e = section("section Section1;\n"
                + "shared A = 1;\n"
                + "B = 2;\n"
                + "C = A + B;\n"
                + "shared D = Section1!C * 10;\n"
                + "E = error \"never read\";\n"
                + "F = (n) => if n = 0 then 0 else n + F(n - 1);\n"
                + "shared G = F(3);\n");
        value(e, "3", "Section1!C");
        value(e, "30", "D");
        value(e, "1", "A");
        value(e, "1", "#shared[A]");
        value(e, "6", "G");
        value(e, "{\"A\", \"B\", \"C\", \"D\", \"E\", \"F\", \"G\"}", "Record.FieldNames(#sections[Section1])");
        value(e, "2", "#sections[Section1][B]");
        value(e, "false", "Record.HasFields(#shared, \"B\")");
        // members are evaluated lazily: the erroring member only fails when it is read
        value(e, "true", "(try Section1!E)[HasError]");
        value(e, "\"never read\"", "try Section1!E catch (x) => x[Message]");
        // a member that is not shared stays inside its section
        raises(e, "Expression.Error", "B");
        raises(e, "Expression.Error", "Section1!Z");
    }

    @Test
    public void sectionMembersSeeEachOtherInAnyOrder() {
        Engine e = section("section Doc; shared X = Y + 1; Y = Z * 2; Z = 5;");
        value(e, "11", "X");
        value(e, "11", "Doc!X");
        value(e, "10", "Doc!Y");
    }

    @Test
    public void sectionsReachEachOtherQualifiedOrThroughSharedMembers() {
        Engine e = section("section Section1; A = \"Hello\"; B = 1 + Section2!A;\n"
                + "section Section2; A = 2; B = Section1!A & \" world!\";");
        value(e, "3", "Section1!B");
        value(e, "\"Hello world!\"", "Section2!B");
        Engine shared = section("section Section1; shared A = 1;\n"
                + "section Section2; B = A + 2;\n"
                + "section Section3; A = \"Hello\"; B = A & \" world\"; C = Section1!A + 2;");
        value(shared, "3", "Section2!B");
        // inside Section3 its own A hides the shared one
        value(shared, "\"Hello world\"", "Section3!B");
        value(shared, "3", "Section3!C");
        value(shared, "{\"Section1\", \"Section2\", \"Section3\"}", "Record.FieldNames(#sections)");
    }

    @Test
    public void aNameSharedTwiceIsAmbiguous() {
        Engine e = section("section Section1; shared A = 1;\n"
                + "section Section2; shared A = \"Hello\";\n"
                + "section Section3; B = A;");
        raises(e, "Expression.Error", "Section3!B");
        value(e, "1", "Section1!A");
        value(e, "\"Hello\"", "Section2!A");
    }

    @Test
    public void cyclicSectionMembersAreAnError() {
        Engine e = section("section S; shared P = Q + 1; Q = P + 1;");
        raises(e, "Expression.Error", "P");
        value(e, "\"Expression.Error\"", "try P catch (x) => x[Reason]");
    }

    private static Engine section(String document) {
        Engine e = new Engine(new LocalFileAccess());
        e.loadSection(document);
        return e;
    }

    private static void value(Engine e, String expected, String expression) {
        Object actual = e.evaluate(expression);
        assertTrue(expression + " gave " + Values.toText(actual), Values.equal(actual, e.evaluate(expected)));
    }

    private static void raises(Engine e, String reason, String expression) {
        try {
            Values.toText(e.evaluate(expression));
        } catch (MException x) {
            assertEquals(expression, reason, x.reason());
            return;
        }
        throw new AssertionError(expression + " should fail");
    }
}
