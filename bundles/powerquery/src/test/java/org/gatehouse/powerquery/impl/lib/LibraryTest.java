package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.fails;
import static org.gatehouse.powerquery.impl.eval.M.same;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.junit.Test;

public class LibraryTest {

    @Test
    public void text() {
        same("\"ABC\"", "Text.Upper(\"abc\")");
        same("\"Hello World\"", "Text.Proper(\"hELLO wORLD\")");
        same("\"a b\"", "Text.Trim(\"  a b \")");
        same("{\"a\", \"b\", \"\"}", "Text.Split(\"a,b,\", \",\")");
        same("\"a-b\"", "Text.Combine({\"a\", null, \"b\"}, \"-\")");
        same("true", "Text.Contains(\"abc\", \"b\")");
        same("true", "Text.StartsWith(\"abc\", \"ab\") and Text.EndsWith(\"abc\", \"bc\")");
        same("\"xbc\"", "Text.Replace(\"abc\", \"a\", \"x\")");
        same("3", "Text.Length(\"abc\")");
        same("\"ab\"", "Text.Start(\"abc\", 2)");
        same("\"bc\"", "Text.End(\"abc\", 2)");
        same("\"b\"", "Text.Middle(\"abc\", 1, 1)");
        same("\"007\"", "Text.PadStart(\"7\", 3, \"0\")");
        same("\"12.5\"", "Text.From(12.5)");
        same("\"a\"", "Text.BeforeDelimiter(\"a-b-c\", \"-\")");
        same("\"b-c\"", "Text.AfterDelimiter(\"a-b-c\", \"-\")");
        same("\"c\"", "Text.AfterDelimiter(\"a-b-c\", \"-\", {0, 1})");
        same("null", "Text.Upper(null)");
        same("{\"a\", \"b,c\"}", "Splitter.SplitTextByDelimiter(\",\", QuoteStyle.Csv)(\"a,\"\"b,c\"\"\")");
        same("\"a;b\"", "Combiner.CombineTextByDelimiter(\";\")({\"a\", \"b\"})");
        same("\"Hi 1\"", "Text.Format(\"Hi #{0}\", {1})");
    }

    @Test
    public void lists() {
        same("6", "List.Sum({1, 2, 3})");
        same("3", "List.Count({1, null, 3})");
        same("3", "List.Max({1, 3, 2})");
        same("1", "List.Min({3, 1, 2})");
        same("2", "List.Average({1, 2, 3})");
        same("{2, 4}", "List.Select({1, 2, 3, 4}, each Number.IsEven(_))");
        same("{1, 2}", "List.Distinct({1, 2, 1})");
        same("{3, 2, 1}", "List.Sort({2, 3, 1}, Order.Descending)");
        same("1", "List.First({1, 2})");
        same("2", "List.Last({1, 2})");
        same("{2, 3}", "List.Range({1, 2, 3}, 1, 2)");
        same("true", "List.Contains({1, 2}, 2)");
        same("{1, 2, 4, 8}", "List.Generate(() => 1, each _ < 10, each _ * 2)");
        same("10", "List.Accumulate({1, 2, 3, 4}, 0, (s, x) => s + x)");
        same("{0, 2, 4}", "List.Numbers(0, 3, 2)");
        same("{{1, \"a\"}, {2, \"b\"}}", "List.Zip({{1, 2}, {\"a\", \"b\"}})");
        same("{1, 2, 3}", "List.Combine({{1}, {2, 3}})");
        same("{1, 2}", "List.FirstN({1, 2, 3}, 2)");
        same("2", "List.Count(List.Transform({1, error \"lazy\"}, each 1))");
    }

    @Test
    public void numbersAndConversions() {
        same("2", "Number.Round(2.5)");
        same("4", "Number.Round(3.5)");
        same("1.23", "Number.Round(1.234, 2)");
        same("2", "Number.RoundUp(1.2)");
        same("1", "Number.RoundDown(1.8)");
        same("3", "Number.Abs(-3)");
        same("1", "Number.Mod(7, 3)");
        same("2", "Number.IntegerDivide(7, 3)");
        same("1234.5", "Number.From(\"1,234.5\")");
        same("\"1.50\"", "Number.ToText(1.5, \"F2\")");
        same("3", "Int64.From(\"3\")");
        fails("DataFormat.Error", "Number.From(\"abc\")");
        same("true", "Logical.From(\"TRUE\")");
    }

    @Test
    public void datesAndRecords() {
        same("#date(2024, 3, 1)", "Date.AddDays(#date(2024, 2, 28), 2)");
        same("2024", "Date.Year(#date(2024, 2, 28))");
        same("#date(2025, 5, 4)", "Date.FromText(\"2025-05-04\")");
        same("#date(2025, 5, 4)", "Date.From(\"5/4/2025\")");
        same("\"2024-02-28\"", "Date.ToText(#date(2024, 2, 28), \"yyyy-MM-dd\")");
        same("#datetime(2024, 1, 2, 3, 4, 5)", "DateTime.From(\"2024-01-02 03:04:05\")");
        same("1", "Record.Field([A = 1], \"A\")");
        same("{\"A\", \"B\"}", "Record.FieldNames([A = 1, B = 2])");
        same("{1, 2}", "Record.FieldValues([A = 1, B = 2])");
        same("[A = 1, B = 2]", "Record.AddField([A = 1], \"B\", 2)");
        same("#table({\"Name\", \"Value\"}, {{\"A\", 1}})", "Record.ToTable([A = 1])");
        same("true", "Value.Equals({1}, {1})");
        same("type text", "Value.Type(\"a\")");
    }

    @Test
    public void tables() {
        String t = "#table({\"A\", \"B\"}, {{1, \"x\"}, {2, \"y\"}, {3, \"x\"}})";
        same("{1, 3}", "Table.SelectRows(" + t + ", each [B] = \"x\")[A]");
        same("{\"B\", \"A\"}", "Table.ColumnNames(Table.ReorderColumns(" + t + ", {\"B\", \"A\"}))");
        same("{\"C\", \"B\"}", "Table.ColumnNames(Table.RenameColumns(" + t + ", {\"A\", \"C\"}))");
        same("{2, 3, 4}", "Table.AddColumn(" + t + ", \"C\", each [A] + 1)[C]");
        same("{3, 2, 1}", "Table.Sort(" + t + ", {{\"A\", Order.Descending}})[A]");
        same("3", "Table.RowCount(" + t + ")");
        same("{\"B\"}", "Table.ColumnNames(Table.RemoveColumns(" + t + ", {\"A\"}))");
        same("{\"A\"}", "Table.ColumnNames(Table.SelectColumns(" + t + ", {\"A\"}))");
        same("{\"X\", \"y\", \"X\"}", "Table.ReplaceValue(" + t + ", \"x\", \"X\", Replacer.ReplaceText, {\"B\"})[B]");
        same("{\"1\", \"2\", \"3\"}", "Table.TransformColumnTypes(" + t + ", {{\"A\", type text}})[A]");
        same("{2, 4, 6}", "Table.TransformColumns(" + t + ", {{\"A\", each _ * 2}})[A]");
        same("#table({\"B\", \"N\"}, {{\"x\", 2}, {\"y\", 1}})",
                "Table.Group(" + t + ", {\"B\"}, {{\"N\", each Table.RowCount(_), Int64.Type}})");
        same("[A = 2, B = \"y\"]", t + "{[A = 2]}");
        same("{1, 2}", "Table.FirstN(" + t + ", 2)[A]");
        same("{\"x\", \"y\"}", "Table.Distinct(Table.SelectColumns(" + t + ", {\"B\"}))[B]");
        same("6", "Table.RowCount(Table.Combine({" + t + ", " + t + "}))");
        same("[P = \"a\", Q = \"b\"]",
                "Table.SplitColumn(#table({\"S\"}, {{\"a-b\"}}), \"S\", Splitter.SplitTextByDelimiter(\"-\"), {\"P\", \"Q\"}){0}");
        same("{\"x\", \"y\", \"x\"}", "Table.ExpandTableColumn(Table.NestedJoin(" + t + ", {\"A\"}, " + t
                + ", {\"A\"}, \"J\", JoinKind.LeftOuter), \"J\", {\"B\"}, {\"JB\"})[JB]");
        same("#table({\"A\", \"B\"}, {{1, 2}})", "Table.FromRecords({[A = 1, B = 2]})");
        same("#table({\"A\", \"B\", \"C\"}, {{1, \"x\", true}, {3, \"x\", true}})", "Table.Join(" + t
                + ", \"B\", #table({\"C\", \"D\"}, {{true, \"x\"}}), \"D\")[[A], [B], [C]]");
        same("#table({\"Column1\"}, {{1}})", "Table.FromRows({{1}})");
        same("#table({\"x\", \"y\"}, {{\"1\", \"2\"}})", "Table.PromoteHeaders(#table(2, {{\"x\", \"y\"}, {\"1\", \"2\"}}))");
        fails("Expression.Error", "Table.SelectColumns(" + t + ", {\"Z\"})");
    }

    @Test
    public void csvJsonAndEnterDataTables() throws Exception {
        same("#table({\"Column1\", \"Column2\"}, {{\"a\", \"b\"}, {\"1\", \"x,y\"}})",
                "Csv.Document(\"a,b#(lf)1,\"\"x,y\"\"#(lf)\", [Delimiter = \",\", Columns = 2, QuoteStyle = QuoteStyle.Csv])");
        same("[a = {1, true, null}, b = \"t\"]", "Json.Document(\"{\"\"a\"\": [1, true, null], \"\"b\"\": \"\"t\"\"}\")");
        // Excel's "Enter Data" stores rows as raw-deflated JSON in base64
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
            out.write("[[\"a\",\"1\"],[\"b\",\"2\"]]".getBytes(StandardCharsets.UTF_8));
        }
        String b64 = Base64.getEncoder().encodeToString(bytes.toByteArray());
        same("#table({\"K\", \"V\"}, {{\"a\", \"1\"}, {\"b\", \"2\"}})", "Table.FromRows(Json.Document(Binary.Decompress("
                + "Binary.FromText(\"" + b64 + "\", BinaryEncoding.Base64), Compression.Deflate)), {\"K\", \"V\"})");
        // the exact shape Excel writes for an "Enter Data" table: a serialized-text column type in a let
        same("#table({\"K\", \"V\"}, {{\"a\", \"1\"}, {\"b\", \"2\"}})", "Table.FromRows(Json.Document(Binary.Decompress("
                + "Binary.FromText(\"" + b64 + "\", BinaryEncoding.Base64), Compression.Deflate)), let _t = ((type nullable text)"
                + " meta [Serialized.Text = true]) in type table [K = _t, V = _t])");
        same("\"hi\"", "Text.FromBinary(Text.ToBinary(\"hi\"))");
    }

    @Test
    public void reshaping() {
        String wide = "#table({\"K\", \"Jan\", \"Feb\"}, {{\"a\", 1, null}, {\"b\", 3, 4}})";
        String longForm = "#table({\"K\", \"M\", \"V\"}, {{\"a\", \"Jan\", 1}, {\"b\", \"Jan\", 3}, {\"b\", \"Feb\", 4}})";
        same(longForm, "Table.UnpivotOtherColumns(" + wide + ", {\"K\"}, \"M\", \"V\")");
        same(longForm, "Table.Unpivot(" + wide + ", {\"Jan\", \"Feb\"}, \"M\", \"V\")");
        same(wide, "Table.Pivot(" + longForm + ", {\"Jan\", \"Feb\"}, \"M\", \"V\")");
        same("4", "List.Sum(Table.Pivot(" + longForm + ", {\"Jan\", \"Feb\"}, \"M\", \"V\", List.Sum)[Jan])");
        same("#table({\"Column1\", \"Column2\"}, {{1, 2}, {\"x\", \"y\"}})", "Table.Transpose(#table({\"A\", \"B\"}, {{1, \"x\"}, {2, \"y\"}}))");
        same("{1, 2, null}", "Table.ExpandListColumn(#table({\"L\"}, {{{1, 2}}, {{}}}), \"L\")[L]");
        String bad = "Table.TransformColumnTypes(#table({\"N\"}, {{\"1\"}, {\"x\"}}), {{\"N\", type number}})";
        same("{1}", "Table.RemoveRowsWithErrors(" + bad + ")[N]");
        same("{1, 0}", "Table.ReplaceErrorValues(" + bad + ", {{\"N\", 0}})[N]");
        same("1", "Table.RowCount(Table.SelectRowsWithErrors(" + bad + "))");
        same("{2, 1}", "Table.ReverseRows(#table({\"A\"}, {{1}, {2}}))[A]");
        same("{1, 2}", "List.Buffer({1, 2})");
        same("{\"a\", \"b,c\"}", "Splitter.SplitTextByEachDelimiter({\",\"}, QuoteStyle.Csv, false)(\"a,b,c\")");
        same("{\"a,b\", \"c\"}", "Splitter.SplitTextByEachDelimiter({\",\"}, QuoteStyle.Csv, true)(\"a,b,c\")");
        same("{\"A\", \"B\"}", "Table.ColumnNames(Table.TransformColumnNames(#table({\" a\", \"b \"}, {}), each Text.Upper(Text.Trim(_))))");
        same("[A = 3]", "Table.Max(#table({\"A\"}, {{1}, {3}, {2}}), \"A\")");
        same("[A = 1]", "Table.Min(#table({\"A\"}, {{1}, {3}, {2}}), \"A\")");
        same("2.5", "List.Median({4, 1, 3, 2})");
        same("2", "List.Mode({1, 2, 2, 3})");
        same("1", "List.StandardDeviation({1, 2, 3})");
    }

    @Test
    public void unsupportedFunctionsSaySo() {
        fails("Expression.Error", "Sql.Database(\"server\", \"db\")");
    }
}
