package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/** Behaviour the function reference's examples pin down; the expressions are our own. */
public class ReferenceExampleFixesTest {

    @Test
    public void splitByAnyDelimiterFromTheEnd() {
        same("{\"x\", \"y,z;w\"}", "Splitter.SplitTextByAnyDelimiter({\",\", \";\"}, QuoteStyle.Csv)(\"x;\"\"y,z;w\")");
        // from the end a quote opens a quoted part toward the start
        same("{\"x;y\", \"z\", \"w\"}", "Splitter.SplitTextByAnyDelimiter({\",\", \";\"}, QuoteStyle.Csv, true)(\"x;\"\"y,z;w\")");
        same("{\"a\", \"b\", \"c\"}", "Splitter.SplitTextByAnyDelimiter({\",\", \";\"}, QuoteStyle.Csv, true)(\"a;b,c\")");
        // overlapping delimiters are found from the end
        same("{\"a\", \"-b\"}", "Splitter.SplitTextByAnyDelimiter({\"--\"}, QuoteStyle.None)(\"a---b\")");
        same("{\"a-\", \"b\"}", "Splitter.SplitTextByAnyDelimiter({\"--\"}, QuoteStyle.None, true)(\"a---b\")");
    }

    @Test
    public void covarianceSumsItemsAlreadyDividedByTheCount() {
        // mean of products less product of means: 2/3 + 8/3 + 18/3 - 4 * 2 is 1.3333333333333321, not 4/3
        same("1.3333333333333321", "List.Covariance({2, 4, 6}, {1, 2, 3})");
        same("-2.916666666666666", "List.Covariance({1, 2, 3, 4, 5, 6}, {6, 5, 4, 3, 2, 1})");
        same("1.25", "List.Covariance({1, 2, 3, 4}, {1, 2, 3, 4})");
    }

    @Test
    public void delayedTraceCallsTheValueFunction() {
        same("\"7\"", "Diagnostics.Trace(TraceLevel.Warning, \"m\", () => Text.From(3 + 4), true)");
        same("5", "Diagnostics.Trace(TraceLevel.Warning, \"m\", 5)");
        same("5", "Diagnostics.Trace(TraceLevel.Warning, \"m\", 5, false)");
    }

    @Test
    public void errorMessagesOfTheReferenceExamples() {
        same("\"There were too many elements in the enumeration to complete the operation.\"",
                "try List.Single({1, 2}) catch (e) => e[Message]");
        same("\"There weren't enough elements in the enumeration to complete the operation.\"",
                "try List.Single({}) catch (e) => e[Message]");
        same("\"We cannot convert the value \"\"abc\"\" to type Number.\"",
                "try Value.As(\"abc\", type number) catch (e) => e[Message]");
        same("\"We cannot convert the value 1 to type DateTime.\"", "try (1 as datetime) catch (e) => e[Message]");
        same("\"We cannot convert the value 1 to type Text.\"", "try (1 as text) catch (e) => e[Message]");
    }

    @Test
    public void addJoinColumnTakesTheRightTableOrAFunctionGivingIt() {
        String expected = "#table({\"k\", \"j\"}, {{1, #table({\"k\", \"v\"}, {{1, \"a\"}})}, {2, #table({\"k\", \"v\"}, {})}})";
        same(expected, "Table.AddJoinColumn(#table({\"k\"}, {{1}, {2}}), \"k\", #table({\"k\", \"v\"}, {{1, \"a\"}}), \"k\", \"j\")");
        same(expected, "Table.AddJoinColumn(#table({\"k\"}, {{1}, {2}}), \"k\", () => #table({\"k\", \"v\"}, {{1, \"a\"}}), \"k\", \"j\")");
    }

    @Test
    public void tableFromListTakesATableTypeForItsColumns() {
        // the reference: columns "may be the number of columns, a list of columns or a TableType" (a book's calendar
        // query: Table.FromList(dates, Splitter.SplitByNothing(), type table [Date = date], null, 1))
        same("#table(type table [Date = date], {{#date(2024, 1, 1)}, {#date(2024, 1, 2)}})",
                "Table.FromList({#date(2024, 1, 1), #date(2024, 1, 2)}, Splitter.SplitByNothing(), type table [Date = date], null, 1)");
        same("type date", "Type.TableColumn(Value.Type(Table.FromList({#date(2024, 1, 1)}, Splitter.SplitByNothing(), type table [Date = date])), \"Date\")");
        same("#table({\"A\", \"B\"}, {{\"a\", \"b\"}})", "Table.FromList({\"a,b\"}, null, type table [A = text, B = text])");
    }

    @Test
    public void referenceConnectorsMetInCourseWorkbooksSayTheyAreNotSupported() {
        // a course workbook's Facebook.Graph query, a book's Parquet.Document and R.Execute queries: the reference
        // lists these functions, so a call is "not supported" rather than an unknown name
        for (String call : new String[] {"Facebook.Graph(\"https://graph.facebook.com/v2.11/me/posts\")",
                "Parquet.Document(#binary({}))", "R.Execute(\"x <- 1\")", "Python.Execute(\"x = 1\")"}) {
            String name = call.substring(0, call.indexOf('('));
            same("\"The function " + name + " is not supported.\"", "try " + call + " catch (e) => e[Message]");
        }
    }
}
