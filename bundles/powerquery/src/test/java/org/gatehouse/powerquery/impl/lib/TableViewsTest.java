package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.fails;
import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/**
 * Table.View, Table.ViewFunction, Table.ViewError. Each handler below answers something the rows could not give (999
 * rows, a marker row), which proves the operation called it; without the handler, or when it raises an error, the same
 * operation gives the answer of the view's rows.
 */
public class TableViewsTest {

    private static final String ROWS = "#table({\"a\", \"b\"}, {{1, \"x\"}, {2, \"y\"}, {3, \"z\"}})";

    private static String view(String handlers) {
        return "Table.View(" + ROWS + ", " + handlers + ")";
    }

    @Test
    public void referenceExampleBuildsTheViewFromItsHandlers() {
        String example = "Table.View(null, [GetType = () => type table [CustomerID = number, Name = text,"
                + " Phone = nullable text], GetRows = () => Table.FromRecords({[CustomerID = 1, Name = \"Bob\","
                + " Phone = \"123-4567\"]}), GetRowCount = () => 1])";
        same("Table.FromRecords({[CustomerID = 1, Name = \"Bob\", Phone = \"123-4567\"]})", example);
        same("1", "Table.RowCount(" + example + ")");
        same("{\"CustomerID\", \"Name\", \"Phone\"}", "Table.ColumnNames(" + example + ")");
        same("type nullable text", "Type.TableColumn(Value.Type(" + example + "), \"Phone\")");
    }

    @Test
    public void withoutHandlersAViewIsItsTable() {
        same(ROWS, view("[]"));
        same("3", "Table.RowCount(" + view("[]") + ")");
        same("#table({\"a\", \"b\"}, {{2, \"y\"}})", "Table.SelectRows(" + view("[]") + ", each [a] = 2)");
    }

    @Test
    public void getTypeAndGetRowsReplaceTheTable() {
        // GetRows may give the columns in another order: the view's rows follow its type
        same("#table({\"a\", \"b\"}, {{9, \"q\"}})",
                view("[GetRows = () => #table({\"b\", \"a\"}, {{\"q\", 9}})]"));
        same("#table(type table [a = text], {{\"only\"}})",
                "Table.View(null, [GetType = () => type table [a = text], GetRows = () => #table({\"a\"}, {{\"only\"}})])");
        fails("Expression.Error", "Table.View(null, [GetRows = () => #table({\"a\"}, {{1}})])");
    }

    @Test
    public void rowCountCallsGetRowCount() {
        same("999", "Table.RowCount(" + view("[GetRowCount = () => 999]") + ")");
        // a handler that cannot answer (TripPin's GetRowCount answers ... when other steps are folded) falls back
        same("3", "Table.RowCount(" + view("[GetRowCount = () => ...]") + ")");
        same("3", "Table.RowCount(" + view("[GetRowCount = () => error \"no count\"]") + ")");
    }

    @Test
    public void viewErrorIsNotAReasonToFallBack() {
        fails("Custom.Reason", "Table.RowCount(" + view("[GetRowCount = () => error Table.ViewError("
                + "Error.Record(\"Custom.Reason\", \"cannot count\"))]") + ")");
        same("[Reason = \"R\", Message = \"m\", Detail = null]",
                "Table.ViewError([Reason = \"R\", Message = \"m\", Detail = null])");
        fails("R", "Table.FirstN(" + view("[OnTake = (n) => error Value.ViewError([Reason = \"R\", Message = \"m\"])]")
                + ", 1)");
    }

    @Test
    public void takeAndSkipCallTheirHandlersWithTheCount() {
        same("#table({\"a\", \"b\"}, {{2, \"taken\"}})",
                "Table.FirstN(" + view("[OnTake = (n) => #table({\"a\", \"b\"}, {{n, \"taken\"}})]") + ", 2)");
        same("#table({\"a\", \"b\"}, {{1, \"skipped\"}})",
                "Table.Skip(" + view("[OnSkip = (n) => #table({\"a\", \"b\"}, {{n, \"skipped\"}})]") + ")");
        // a condition instead of a count is no take: the operation runs on the rows
        same("#table({\"a\", \"b\"}, {{1, \"x\"}})",
                "Table.FirstN(" + view("[OnTake = (n) => error \"unused\"]") + ", each [a] < 2)");
        same("#table({\"a\", \"b\"}, {{3, \"z\"}})", "Table.Skip(" + view("[OnTake = (n) => 0]") + ", 2)");
    }

    @Test
    public void selectColumnsGetsTheNames() {
        same("\"a|b\"", "Table.SelectColumns(" + view("[OnSelectColumns = (c) => Text.Combine(c, \"|\")]")
                + ", {\"a\", \"b\"})");
        same("\"b\"", "Table.SelectColumns(" + view("[OnSelectColumns = (c) => Text.Combine(c, \"|\")]") + ", \"b\")");
        same("#table({\"b\"}, {{\"x\"}, {\"y\"}, {\"z\"}})",
                "Table.SelectColumns(" + view("[OnSelectColumns = (c) => ...]") + ", {\"b\"})");
    }

    @Test
    public void selectRowsGetsTheConditionToReadAsARowExpression() {
        // the handler reads the tree before it builds its answer, so a condition it cannot read fails the handler
        String folding = "[OnSelectRows = (condition) => let e = RowExpression.From(condition) in if e[Kind] = \"Binary\""
                + " then #table({\"a\", \"b\"}, {{e[Right][Value], e[Left][MemberName] & \" \" & e[Operator]}}) else ...]";
        same("#table({\"a\", \"b\"}, {{2, \"a Equals\"}})", "Table.SelectRows(" + view(folding) + ", each [a] = 2)");
        // a condition the handler cannot read falls back to filtering the rows
        same("#table({\"a\", \"b\"}, {{3, \"z\"}})",
                "Table.SelectRows(" + view(folding) + ", each let v = [a] in v > 2)");
    }

    @Test
    public void sortGetsNameAndOrderRecords() {
        String handler = "[OnSort = (order) => #table({\"a\", \"b\"}, List.Transform(order, each {[Order], [Name]}))]";
        same("#table({\"a\", \"b\"}, {{1, \"b\"}, {0, \"a\"}})",
                "Table.Sort(" + view(handler) + ", {{\"b\", Order.Descending}, \"a\"})");
        same("#table({\"a\", \"b\"}, {{1, \"a\"}})", "Table.Sort(" + view(handler) + ", {\"a\", Order.Descending})");
        same("#table({\"a\", \"b\"}, {{0, \"b\"}})", "Table.Sort(" + view(handler) + ", \"b\")");
        same("#table({\"a\", \"b\"}, {{3, \"z\"}, {2, \"y\"}, {1, \"x\"}})",
                "Table.Sort(" + view("[]") + ", {\"a\", Order.Descending})");
    }

    @Test
    public void renameAndDistinctGetPairsAndNames() {
        String renames = "[OnRenameColumns = (r) => Text.Combine(List.Transform(r, each Text.Combine(_, \">\")), \",\")]";
        same("\"a>x,b>y\"", "Table.RenameColumns(" + view(renames) + ", {{\"a\", \"x\"}, {\"b\", \"y\"}})");
        same("\"a>x\"", "Table.RenameColumns(" + view(renames) + ", {\"a\", \"x\"})");
        same("#table({\"x\", \"b\"}, {{1, \"x\"}, {2, \"y\"}, {3, \"z\"}})",
                "Table.RenameColumns(" + view("[OnRenameColumns = (r) => ...]") + ", {\"a\", \"x\"})");
        String distinct = "[OnDistinct = (c) => Text.Combine(c, \"|\")]";
        same("\"a|b\"", "Table.Distinct(" + view(distinct) + ")");
        same("\"b\"", "Table.Distinct(" + view(distinct) + ", \"b\")");
        same("#table({\"a\", \"b\"}, {{1, \"x\"}})",
                "Table.Distinct(Table.View(#table({\"a\", \"b\"}, {{1, \"x\"}, {1, \"x\"}}), [OnDistinct = (c) => ...]))");
    }

    @Test
    public void handlersMayReturnViewsAgain() {
        String counting = "let V = (n) => Table.View(null, [GetType = () => type table [a = number],"
                + " GetRows = () => #table({\"a\"}, List.Transform({1..n}, each {_})), GetRowCount = () => 1000 + n,"
                + " OnTake = (k) => @V(List.Min({n, k}))]) in ";
        same("1002", counting + "Table.RowCount(Table.FirstN(V(5), 2))");
        same("#table({\"a\"}, {{1}, {2}})", counting + "Table.FirstN(V(5), 2)");
    }

    @Test
    public void viewFunctionAsksOnInvokeFirst() {
        String program = "let F = Table.ViewFunction((t, n) => Table.RowCount(t) + n),"
                + " handled = Table.View(" + ROWS + ", [OnInvoke = (f, args, index) =>"
                + "   if f = F then {index, List.Count(args), args{1}} else ...]),"
                + " plain = Table.View(" + ROWS + ", [])";
        same("{0, 2, 10}", program + " in F(handled, 10)");
        same("13", program + " in F(plain, 10)");
        same("13", program + " in F(" + ROWS + ", 10)");
        same("103", "let F = Table.ViewFunction((t, n) => Table.RowCount(t) + n) in F(Table.View(" + ROWS
                + ", [OnInvoke = (f, args, index) => ...]), 100)");
    }

    @Test
    public void binaryViewFunctionsApplyToTheViewsContent() {
        // Binary.View yields its content, so the function of Binary.ViewFunction runs on it
        same("3", "let F = Binary.ViewFunction((b) => Binary.Length(b)) in F(Binary.View(#binary({1, 2, 3}), []))");
        same("[Reason = \"R\", Message = \"m\", Detail = null]",
                "Binary.ViewError([Reason = \"R\", Message = \"m\", Detail = null])");
        fails("R", "Binary.View(null, [GetStream = () => error Binary.ViewError(Error.Record(\"R\", \"m\"))])");
    }
}
