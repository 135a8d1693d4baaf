package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.fails;
import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/** Library functions added for conformance with the M reference; expressions and values are our own. */
public class ConformanceAdditionsTest {

    @Test
    public void lists() {
        same("{20, 40}", "List.Alternate({10, 20, 30, 40}, 1, 1)");
        same("{30, 40}", "List.Alternate({10, 20, 30, 40}, 2)");
        same("2", "List.PositionOfAny({\"x\", \"y\", \"z\"}, {\"z\", \"q\"})");
        same("{0, 2}", "List.PositionOfAny({7, 8, 7}, {7}, Occurrence.All)");
        same("{9, 6}", "List.MaxN({1, 9, 6, 3}, 2)");
        same("{1, 3, 6}", "List.MinN({1, 9, 6, 3}, each _ < 7)");
        same("\"d\"", "List.SingleOrDefault({}, \"d\")");
        fails("Expression.Error", "List.SingleOrDefault({1, 2})");
        same("{\"b\", \"c\"}", "List.Modes({\"b\", \"a\", \"c\", \"b\", \"c\"})");
        same("{0, 1, 2}", "List.Positions({\"p\", null, \"q\"})");
        same("false", "List.IsDistinct({\"A\", \"a\"}, Comparer.OrdinalIgnoreCase)");
        same("{5, 9}", "List.RemoveItems({5, 6, 9, 6}, {6})");
        same("{0, 9, 9}", "List.ReplaceRange({0, 1, 2, 3}, 1, 3, {9, 9})");
        same("{0, 3}", "List.RemoveRange({0, 1, 2, 3}, 1, 2)");
        same("{\"xa\", \"ay\"}", "List.FindText({\"xa\", \"b\", \"ay\"}, \"a\")");
        same("{\"1a\", \"1b\", \"2a\"}",
                "List.TransformMany({1, 2}, each if _ = 1 then {\"a\", \"b\"} else {\"a\"}, (x, y) => Text.From(x) & y)");
        same("1.25", "List.Covariance({1, 2, 3, 4}, {1, 2, 3, 4})");
        same("{#duration(0, 1, 0, 0), #duration(0, 3, 0, 0)}", "List.Durations(#duration(0, 1, 0, 0), 2, #duration(0, 2, 0, 0))");
    }

    @Test
    public void texts() {
        same("\"l\"", "Text.At(\"plum\", 1)");
        same("\"pm\"", "Text.RemoveRange(\"plum\", 1, 2)");
        same("\"pXXm\"", "Text.ReplaceRange(\"plum\", 1, 2, \"XX\")");
        same("{1, 3}", "Text.PositionOfAny(\"abcb\", {\"b\"}, Occurrence.All)");
        same("{\"a\", \"b\", \"c\"}", "Text.SplitAny(\"a;b,c\", \",;\")");
        same("\"x-y/z\"", "Combiner.CombineTextByEachDelimiter({\"-\", \"/\"})({\"x\", \"y\", \"z\"})");
        same("\"xyy\"", "Combiner.CombineTextByLengths({1, 2})({\"xx\", \"yyy\"})");
        same("\"ab   cd\"", "Combiner.CombineTextByPositions({0, 5})({\"ab\", \"cd\"})");
        same("true", "Comparer.Equals(Comparer.OrdinalIgnoreCase, \"Q\", \"q\")");
        same("0", "Comparer.FromCulture(\"en-US\", true)(\"Z\", \"z\")");
        same("42.5", "Value.FromText(\"42.5\")");
        same("true", "Value.FromText(\"TRUE\")");
        same("\"plain\"", "Value.FromText(\"plain\")");
    }

    @Test
    public void numbersAndRecords() {
        same("0.5", "Number.From(\"50%\")");
        same("0.071", "Number.From(\"7.1%\")");
        same("3", "Number.RoundAwayFromZero(2.1)");
        same("-2.6", "Number.RoundAwayFromZero(-2.51, 1)");
        same("2", "Number.Log(100, 10)");
        same("0", "Number.Sin(0)");
        same("24", "Number.Permutations(4, 4)");
        same("6", "Number.Combinations(4, 2)");
        same("[b = 2, a = 1, c = 3]", "Record.ReorderFields([a = 1, b = 2, c = 3], {\"b\", \"a\"})");
        same("[x = 1, z = 2]", "Record.RenameFields([x = 1, y = 2], {\"y\", \"z\"})");
        same("[k = 7]", "Record.FromTable(#table({\"Name\", \"Value\"}, {{\"k\", 7}}))");
    }
}
