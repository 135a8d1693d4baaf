package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/** Table.NestedJoin's six kinds over a hashed right side: rows, their order and what each nested table holds. */
public class NestedJoinKindsTest {

    private static final String LEFT = "#table({\"id\", \"l\"}, {{1, \"a\"}, {2, \"b\"}, {4, \"d\"}, {1, \"a2\"}})";
    private static final String RIGHT = "#table({\"rid\", \"r\"}, {{3, \"z\"}, {1, \"x\"}, {1, \"y\"}, {2, \"w\"}})";

    private static String joined(String kind) {
        // each output row as {id, l, the nested r values}
        return "List.Transform(Table.ToRecords(Table.NestedJoin(" + LEFT + ", \"id\", " + RIGHT + ", \"rid\", \"n\", "
                + kind + ")), each {[id], [l], [n][r]})";
    }

    @Test
    public void theKindsListTheMergesLeftRowsAndTheRightOrderInsideTheNestedTables() {
        // the merge regroups a left table no longer than the right by key (MergeOrderTest): a, a2, b, d
        same("{{1, \"a\", {\"x\", \"y\"}}, {1, \"a2\", {\"x\", \"y\"}}, {2, \"b\", {\"w\"}}}", joined("JoinKind.Inner"));
        same("{{1, \"a\", {\"x\", \"y\"}}, {1, \"a2\", {\"x\", \"y\"}}, {2, \"b\", {\"w\"}}, {4, \"d\", {}}}",
                joined("JoinKind.LeftOuter"));
        same("{{1, \"a\", {\"x\", \"y\"}}, {1, \"a2\", {\"x\", \"y\"}}, {2, \"b\", {\"w\"}}, {null, null, {\"z\"}}}",
                joined("JoinKind.RightOuter"));
        same("{{1, \"a\", {\"x\", \"y\"}}, {1, \"a2\", {\"x\", \"y\"}}, {2, \"b\", {\"w\"}}, {4, \"d\", {}}, "
                + "{null, null, {\"z\"}}}", joined("JoinKind.FullOuter"));
        same("{{4, \"d\", {}}}", joined("JoinKind.LeftAnti"));
        same("{{null, null, {\"z\"}}}", joined("JoinKind.RightAnti"));
        same("{{1, \"a\", {\"x\", \"y\"}}, {1, \"a2\", {\"x\", \"y\"}}, {2, \"b\", {\"w\"}}}", joined("JoinKind.LeftSemi"));
        same("{{null, null, {\"x\"}}, {null, null, {\"y\"}}, {null, null, {\"w\"}}}", joined("JoinKind.RightSemi"));
    }

    @Test
    public void semiJoinsKeepOneSidesRowsAndColumns() {
        same("#table({\"id\", \"l\"}, {{1, \"a\"}, {2, \"b\"}, {1, \"a2\"}})",
                "Table.Join(" + LEFT + ", \"id\", " + RIGHT + ", \"rid\", JoinKind.LeftSemi)");
        same("#table({\"rid\", \"r\"}, {{1, \"x\"}, {1, \"y\"}, {2, \"w\"}})",
                "Table.Join(" + LEFT + ", \"id\", " + RIGHT + ", \"rid\", JoinKind.RightSemi)");
    }

    @Test
    public void keysMatchByMEqualityAcrossNumberForms() {
        same("{2}", "List.Transform(Table.NestedJoin(#table({\"k\"}, {{1}}), \"k\", "
                + "#table({\"k2\"}, {{1.0}, {Decimal.From(1)}, {\"1\"}}), \"k2\", \"n\")[n], Table.RowCount)");
    }
}
