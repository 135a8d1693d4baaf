package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/**
 * Behaviours real Excel workbooks relied on (found by refreshing public workbooks and comparing with Excel's own
 * result); each reproduced here with small data of our own.
 */
public class RealWorkbookBehaviourTest {

    @Test
    public void aCombinerThatFailsFailsOnlyItsCell() {
        // a number handed to a text combiner is an error in that row's cell; the other rows combine
        same("{null, \"y-z\"}", "Table.ReplaceErrorValues(Table.CombineColumns(#table({\"a\", \"b\"}, {{\"x\", 1}, "
                + "{\"y\", \"z\"}}), {\"a\", \"b\"}, Combiner.CombineTextByDelimiter(\"-\"), \"c\"), {{\"c\", null}})[c]");
    }

    @Test
    public void renamesApplyAtOnceSoTwoNamesCanSwap() {
        // a ru-RU workbook renames {{"Subtype", "genotype"}, {"genotype", "subtype"}}; Excel's table has the columns
        // genotype (Subtype's values) then subtype, in the places the old columns had
        same("[a = 1, g = 2, s = 3]", "Table.RenameColumns(#table({\"a\", \"S\", \"g\"}, {{1, 2, 3}}), "
                + "{{\"S\", \"g\"}, {\"g\", \"s\"}}){0}");
    }

    @Test
    public void combinedColumnTakesThePlaceOfTheLastListedColumn() {
        String t = "#table({\"A\", \"B\", \"C\", \"D\"}, {{\"a\", \"b\", \"c\", \"d\"}})";
        same("{\"B\", \"X\", \"D\"}", "Table.ColumnNames(Table.CombineColumns(" + t
                + ", {\"A\", \"C\"}, Combiner.CombineTextByDelimiter(\"\"), \"X\"))");
        same("{\"A\", \"X\", \"C\"}", "Table.ColumnNames(Table.CombineColumns(" + t
                + ", {\"D\", \"B\"}, Combiner.CombineTextByDelimiter(\"\"), \"X\"))");
        same("{\"X\", \"C\", \"D\"}", "Table.ColumnNames(Table.CombineColumns(" + t
                + ", {\"A\", \"B\"}, Combiner.CombineTextByDelimiter(\"\"), \"X\"))");
        // the columns left alone keep their types
        same("type number", "Type.TableColumn(Value.Type(Table.CombineColumns(Table.TransformColumnTypes("
                + "#table({\"N\", \"P\", \"Q\"}, {{1, \"p\", \"q\"}}), {{\"N\", type number}}), {\"P\", \"Q\"}, "
                + "Combiner.CombineTextByDelimiter(\"\"), \"PQ\")), \"N\")");
    }

    @Test
    public void blankAndNullHeadersPromoteAsPowerQueryNamesThem() {
        // blank texts (a CSV's empty header cells) become "", then "_1", "_2"; a null header names the column by
        // its position even when the column had another name
        same("{\"a\", \"\", \"_1\", \"_2\", \"Column5\"}", "Table.ColumnNames(Table.PromoteHeaders(Table.RenameColumns("
                + "#table(5, {{\"a\", \"\", \"\", \"\", null}, {1, 2, 3, 4, 5}}), {\"Column5\", \"old\"})))");
        same("{\"k\", \"k_1\", \"k_2\"}", "Table.ColumnNames(Table.PromoteHeaders(#table(3, {{\"k\", \"k\", \"k\"}})))");
        same("{\"x\", \"Column2\"}", "Table.ColumnNames(Table.PromoteHeaders(Table.RenameColumns("
                + "#table(2, {{\"x\", null}, {1, 2}}), {\"Column2\", \"x\"})))");
    }

    @Test
    public void repeatedHeadersAreNumberedAcrossTheWholeRow() {
        // a cross-tab's repeated groups of headers: the suffix counts every repeat of the row, not of the name
        same("{\"Mode\", \"A\", \"B\", \"Column4\", \"A_1\", \"B_2\", \"Column7\", \"A_3\", \"B_4\"}",
                "Table.ColumnNames(Table.PromoteHeaders(#table(9, {{\"Mode\", \"A\", \"B\", null, \"A\", \"B\", null, "
                        + "\"A\", \"B\"}})))");
    }

    @Test
    public void pivotedRowsComeOutSortedByTheKeptColumns() {
        same("#table({\"K\", \"L\", \"x\", \"y\"}, {{\"a\", 1, 2, null}, {\"b\", 1, 4, null}, {\"b\", 2, 1, 3}})",
                "Table.Pivot(#table({\"K\", \"L\", \"M\", \"V\"}, {{\"b\", 2, \"x\", 1}, {\"a\", 1, \"x\", 2}, "
                        + "{\"b\", 2, \"y\", 3}, {\"b\", 1, \"x\", 4}}), {\"x\", \"y\"}, \"M\", \"V\")");
    }

    @Test
    public void currencySymbolMayStandApartFromTheDigits() {
        same("55000", "Number.From(\" $ 55,000 \")");
        same("-5", "Number.From(\"- $5\")");
        same("12.5", "Number.From(\"12.5 $\")");
        same("55000", "Currency.From(\"$ 55,000\")");
    }

    @Test
    public void averageOfDecimals() {
        same("3", "List.Average({Currency.From(2), Currency.From(4)})");
        same("3", "List.Average(Table.TransformColumnTypes(#table({\"S\"}, {{\"2\"}, {\"4\"}, {null}}), "
                + "{{\"S\", Currency.Type}})[S])");
    }

    @Test
    public void blankTextsChangeTypeToNull() {
        // a CSV's blank cell typed as a number or date is an empty cell in Excel, not an error
        same("{null, 5}", "Table.TransformColumnTypes(#table({\"P\"}, {{\"\"}, {\"5\"}}), {{\"P\", Int64.Type}})[P]");
        same("{null}", "Table.TransformColumnTypes(#table({\"D\"}, {{\"\"}}), {{\"D\", type date}}, \"de-DE\")[D]");
        same("{\"\"}", "Table.TransformColumnTypes(#table({\"T\"}, {{\"\"}}), {{\"T\", type text}})[T]");
    }

    @Test
    public void delimiterExtractsOfNullAreEmptyTexts() {
        // Excel's load holds "" (not an empty cell) where these ran over a null cell
        same("\"\"", "Text.BeforeDelimiter(null, \" \")");
        same("\"\"", "Text.AfterDelimiter(null, \" \", 3)");
        same("\"\"", "Text.BetweenDelimiters(null, \"(\", \")\")");
        same("{\"\", \"b\"}", "Table.AddColumn(#table({\"t\"}, {{null}, {\"a b\"}}), \"x\", "
                + "each Text.AfterDelimiter([t], \" \"))[x]");
    }

    @Test
    public void aSplitterSplitsNullIntoOneNull() {
        same("{null}", "Splitter.SplitTextByDelimiter(\"  \", QuoteStyle.None)(null)");
        same("null", "List.Reverse(Splitter.SplitTextByDelimiter(\",\")(null)){3}?");
        same("\"\"", "Text.Combine({Text.Middle(null, 7), List.Reverse(Splitter.SplitTextByDelimiter(\",\")(null)){0}})");
    }
}
