package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.fails;
import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/** Row-level Table.* functions (TableRowFunctions); expressions and values are our own. */
public class TableRowFunctionsTest {

    private static final String T = "#table({\"k\", \"v\"}, {{\"p\", 1}, {\"q\", null}, {\"r\", 3}})";

    @Test
    public void insertRemoveReplace() {
        same("#table({\"k\", \"v\"}, {{\"p\", 1}, {\"q\", 3}, {\"r\", 3}})", "Table.FillUp(" + T + ", {\"v\"})");
        same("#table({\"k\", \"v\"}, {{\"p\", 1}, {\"r\", 3}})", "Table.RemoveRows(" + T + ", 1)");
        same("#table({\"k\", \"v\"}, {{\"p\", 1}})", "Table.RemoveRows(" + T + ", 1, 5)");
        same("#table({\"k\", \"v\"}, {{\"z\", 0}, {\"p\", 1}, {\"q\", null}, {\"r\", 3}})",
                "Table.InsertRows(" + T + ", 0, {[k = \"z\", v = 0]})");
        fails("Expression.Error", "Table.InsertRows(" + T + ", 9, {[k = \"z\", v = 0]})");
        same("#table({\"k\", \"v\"}, {{\"p\", 1}, {\"y\", 8}})", "Table.ReplaceRows(" + T + ", 1, 2, {[k = \"y\", v = 8]})");
        same("#table({\"k\", \"v\"}, {{\"q\", null}})", "Table.RemoveMatchingRows(" + T + ", {[k = \"p\", v = 9], [k = \"r\", v = 7]}, \"k\")");
        same("#table({\"k\", \"v\"}, {{\"p\", 1}, {\"q\", null}, {\"s\", 4}})",
                "Table.ReplaceMatchingRows(" + T + ", {{[k = \"r\", v = 3], [k = \"s\", v = 4]}})");
    }

    @Test
    public void membership() {
        same("{\"q\"}", "Table.Column(Table.RemoveMatchingRows(" + T + ", {[k = \"P\", v = 1], [k = \"R\"]}, Comparer.OrdinalIgnoreCase), \"k\")");
        same("{}", "Table.Keys(" + T + ")");
        same("-1", "Comparer.OrdinalIgnoreCase(1, 2)");
        same("{1, 0}", "List.Transform(Table.Column(Table.NestedJoin(#table({\"id\"}, {{1}, {2}}), \"id\", "
                + "#table({\"id\"}, {{1}}), \"id\", \"j\"), \"j\"), Table.RowCount)");
        same("true", "Table.Contains(" + T + ", [k = \"q\"])");
        same("false", "Table.Contains(" + T + ", [k = \"q\", v = 2])");
        same("true", "Table.Contains(" + T + ", [k = \"q\", v = 2], \"k\")");
        same("true", "Table.ContainsAny(" + T + ", {[k = \"x\"], [v = 3]})");
        same("false", "Table.ContainsAll(" + T + ", {[k = \"x\"], [v = 3]})");
        same("2", "Table.PositionOf(" + T + ", [v = 3])");
        same("-1", "Table.PositionOf(" + T + ", [v = 5])");
        same("{0, 2}", "Table.PositionOfAny(" + T + ", {[k = \"p\"], [k = \"r\"]}, Occurrence.All)");
        same("true", "Table.IsDistinct(" + T + ")");
        same("false", "Table.IsDistinct(#table({\"a\", \"b\"}, {{1, 2}, {1, 3}}), \"a\")");
        same("true", "Table.MatchesAnyRows(" + T + ", each [v] = null)");
        same("false", "Table.MatchesAllRows(" + T + ", each [v] <> null)");
        same("#table({\"k\", \"v\"}, {{\"q\", null}})", "Table.FindText(" + T + ", \"q\")");
    }

    @Test
    public void conversions() {
        same("{\"p,1\", \"q,\", \"r,3\"}", "Table.ToList(Table.TransformColumns(" + T + ", {\"v\", Text.From}))");
        same("{2, 0, 4}", "Table.ToList(" + T + ", each Text.Length(_{0}) + (_{1} ?? -1))");
        same("{{\"p\", \"q\", \"r\"}, {1, null, 3}}", "Table.ToColumns(" + T + ")");
        same("#table({\"Column1\", \"Column2\"}, {{1, \"a\"}, {2, null}})", "Table.FromColumns({{1, 2}, {\"a\"}})");
        same("#table({\"Name\", \"Value\"}, {{\"x\", 1}})", "Table.FromValue([x = 1])");
        same("#table({\"N\"}, {{4}, {5}})", "Table.FromValue({4, 5}, [DefaultColumnName = \"N\"])");
        same("{\"t.k\", \"t.v\"}", "Table.ColumnNames(Table.PrefixColumns(" + T + ", \"t\"))");
        same("#table({\"kv\"}, {{\"p-1\"}, {\"r-3\"}})", "Table.CombineColumns(Table.SelectRows(Table.TransformColumns(" + T
                + ", {\"v\", Text.From}), each [v] <> null), {\"k\", \"v\"}, Combiner.CombineTextByDelimiter(\"-\"), \"kv\")");
        same("{\"b\"}", "Table.ColumnsOfType(#table(type table [a = text, b = number], {}), {type number})");
    }

    @Test
    public void slicing() {
        same("6", "Table.RowCount(Table.Repeat(" + T + ", 2))");
        same("{1, 3, 4, 6}", "Table.Column(Table.AlternateRows(Table.FromColumns({{1..6}}, {\"n\"}), 1, 1, 2), \"n\")");
        same("[k = \"p\", v = 1]", "Table.SingleRow(Table.FirstN(" + T + ", 1))");
        fails("Expression.Error", "Table.SingleRow(" + T + ")");
        same("{2, 1}", "List.Transform(Table.Split(" + T + ", 2), Table.RowCount)");
        same("{1, 2}", "List.Transform(Table.SplitAt(" + T + ", 1), Table.RowCount)");
        same("{3, 1}", "Table.Column(Table.MaxN(Table.SelectRows(" + T + ", each [v] <> null), \"v\", 2), \"v\")");
        same("{1}", "Table.Column(Table.MinN(Table.SelectRows(" + T + ", each [v] <> null), \"v\", each [v] < 2), \"v\")");
    }

    @Test
    public void optionalArguments() {
        same("#table({\"k\", \"w\"}, {{\"p\", null}})",
                "Table.SelectColumns(Table.FirstN(" + T + ", 1), {\"k\", \"w\"}, MissingField.UseNull)");
        same("#table({\"k\"}, {{\"p\"}})", "Table.SelectColumns(Table.FirstN(" + T + ", 1), {\"k\", \"w\"}, MissingField.Ignore)");
        fails("Expression.Error", "Table.SelectColumns(" + T + ", {\"w\"})");
        same("#table({\"v\", \"k\"}, {{1, \"p\"}})", "Table.ReorderColumns(Table.FirstN(" + T + ", 1), {\"v\", \"w\", \"k\"}, MissingField.Ignore)");
        same("#table({\"k\", \"v\", \"w\"}, {{\"p\", \"1\", null}})",
                "Table.TransformColumns(Table.FirstN(" + T + ", 1), {\"w\", Text.Upper}, Text.From, MissingField.UseNull)");
        fails("Expression.Error", "Table.TransformColumns(" + T + ", {\"w\", Text.Upper}, null, MissingField.Error)");
        same("{\"p\", \"q!\", \"r\"}", "Table.Column(Table.ReplaceValue(" + T
                + ", each [v] = null, \"!\", (x, hit, add) => if hit then x & add else x, {\"k\"}), \"k\")");
        same("{\"p\", \"Q\", \"r\"}", "Table.Column(Table.ReplaceValue(" + T
                + ", each if [v] = null then [k] else \"\", each Text.Upper([k]), Replacer.ReplaceValue, {\"k\"}), \"k\")");
        // a header that is not promoted gets the default name of its position, not the column's old name (the
        // M reference says so, and a real workbook's generated steps name such columns Column8, Column9)
        same("{\"2/3/2024\", \"Column2\", \"c\"}", "Table.ColumnNames(Table.PromoteHeaders(#table({\"a\", \"b\", \"c\"}, "
                + "{{#date(2024, 2, 3), null, \"c\"}}), [PromoteAllScalars = true]))");
        same("{\"Column1\", \"Column2\", \"c\"}", "Table.ColumnNames(Table.PromoteHeaders(#table({\"a\", \"b\", \"c\"}, "
                + "{{#date(2024, 2, 3), null, \"c\"}})))");
        String names = "#table({\"n\"}, {{\"x y z\"}, {\"u v\"}})";
        same("#table({\"a\", \"b\"}, {{\"x\", {\"y\", \"z\"}}, {\"u\", {\"v\"}}})", "Table.SplitColumn(" + names
                + ", \"n\", Splitter.SplitTextByDelimiter(\" \"), {\"a\", \"b\"}, null, ExtraValues.List)");
        same("#table({\"a\", \"b\"}, {{\"x\", \"y\"}, {\"u\", \"v\"}})", "Table.SplitColumn(" + names
                + ", \"n\", Splitter.SplitTextByDelimiter(\" \"), {\"a\", \"b\"}, null, ExtraValues.Ignore)");
        same("{true, false}", "Table.Column(Table.AddColumn(Table.SplitColumn(" + names
                + ", \"n\", Splitter.SplitTextByDelimiter(\" \"), {\"a\", \"b\"}, null, ExtraValues.Error), \"e\", "
                + "each (try [a])[HasError]), \"e\")");
        same("{\"name\", \"nam1\", \"nam2\"}", "Table.ColumnNames(Table.TransformColumnNames(#table({\"names\", \"NAMES\", \"nAMEs\"}, {}), "
                + "Text.Lower, [MaxLength = 4, Comparer = Comparer.OrdinalIgnoreCase]))");
        same("{\"r\"}", "Table.Column(Table.LastN(" + T + ", each [v] <> null), \"k\")");
        same("{\"p\", \"q\"}", "Table.Column(Table.RemoveLastN(" + T + ", each [v] = 3), \"k\")");
    }

    @Test
    public void rankingPartitionsAndJoins() {
        String scores = "#table({\"n\", \"s\"}, {{\"a\", 5}, {\"b\", 9}, {\"c\", 5}, {\"d\", 1}})";
        same("{1, 2, 2, 4}", "Table.Column(Table.AddRankColumn(" + scores + ", \"r\", {\"s\", Order.Descending}), \"r\")");
        same("{\"b\", \"a\", \"c\", \"d\"}", "Table.Column(Table.AddRankColumn(" + scores + ", \"r\", {\"s\", Order.Descending}), \"n\")");
        same("{1, 2, 2, 3}", "Table.Column(Table.AddRankColumn(" + scores + ", \"r\", {\"s\", Order.Descending}, [RankKind = RankKind.Dense]), \"r\")");
        same("{1, 2, 3, 4}", "Table.Column(Table.AddRankColumn(" + scores + ", \"r\", {\"s\", Order.Descending}, [RankKind = RankKind.Ordinal]), \"r\")");
        same("#table({\"x\", \"y\"}, {{1, 2}, {null, null}, {1, 3}, {null, null}})",
                "Table.ClearDown(#table({\"x\", \"y\"}, {{1, 2}, {1, 2}, {1, 3}, {1, 3}}), {\"x\", \"y\"})");
        same("{{\"a\", \"b\", \"c\"}, {\"d\"}}",
                "List.Transform(Table.Partition(" + scores + ", \"s\", 2, each if _ > 4 then 0 else 1), each Table.Column(_, \"n\"))");
        same("#table({\"v\", \"p\"}, {{1, \"x\"}, {2, \"y\"}})",
                "Table.FromPartitions(\"p\", {{\"x\", #table({\"v\"}, {{1}})}, {\"y\", #table({\"v\"}, {{2}})}})");
        same("{1, 0}", "List.Transform(Table.Column(Table.AddJoinColumn(#table({\"id\"}, {{1}, {2}}), \"id\", "
                + "#table({\"id\", \"w\"}, {{1, \"q\"}}), \"id\", \"j\"), \"j\"), Table.RowCount)");
        same("#table({\"id\", \"a\", \"b\"}, {{1, \"x\", \"y\"}})",
                "Table.Join(#table({\"id\", \"a\"}, {{1, \"x\"}, {2, \"z\"}}), \"id\", #table({\"id\", \"b\"}, {{1, \"y\"}}), \"id\")");
        same("{[q = 1], [q = 2]}", "Table.Column(Table.ExpandListColumn(#table({\"t\"}, {{#table({\"q\"}, {{1}, {2}})}}), \"t\"), \"t\")");
        same("#table({\"b\", \"z\"}, {{2, null}, {null, null}})",
                "Table.Combine({#table({\"a\", \"b\"}, {{1, 2}}), #table({\"c\"}, {{3}})}, {\"b\", \"z\"})");
    }
}
