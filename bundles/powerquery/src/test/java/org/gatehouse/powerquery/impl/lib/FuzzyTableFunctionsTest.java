package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.fails;
import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/** Table.FuzzyJoin, Table.FuzzyNestedJoin, Table.FuzzyGroup, Table.AddFuzzyClusterColumn; tables and values are our own. */
public class FuzzyTableFunctionsTest {

    // apple ~ aple 8/9, banana ~ bananas 12/13; cherry and kiwi match nothing
    private static final String L = "#table({\"k\", \"x\"}, {{\"Apple\", 1}, {\"Banana\", 2}, {\"Cherry\", 3}})";
    private static final String R = "#table({\"r\", \"y\"}, {{\"bananas\", \"b\"}, {\"kiwi\", \"w\"}, {\"aple\", \"a\"}})";

    private static String join(String kind) {
        return "Table.FuzzyJoin(" + L + ", {\"k\"}, " + R + ", {\"r\"}, " + kind + ")";
    }

    @Test
    public void joinKinds() {
        same("#table({\"k\", \"x\", \"r\", \"y\"}, {{\"Apple\", 1, \"aple\", \"a\"}, {\"Banana\", 2, \"bananas\", \"b\"}})",
                join("JoinKind.Inner"));
        same(join("JoinKind.Inner"), "Table.FuzzyJoin(" + L + ", \"k\", " + R + ", \"r\")"); // inner by default
        same("#table({\"k\", \"x\", \"r\", \"y\"}, {{\"Apple\", 1, \"aple\", \"a\"}, {\"Banana\", 2, \"bananas\", \"b\"}, "
                + "{\"Cherry\", 3, null, null}})", join("JoinKind.LeftOuter"));
        same("#table({\"k\", \"x\", \"r\", \"y\"}, {{\"Apple\", 1, \"aple\", \"a\"}, {\"Banana\", 2, \"bananas\", \"b\"}, "
                + "{null, null, \"kiwi\", \"w\"}})", join("JoinKind.RightOuter"));
        same("#table({\"k\", \"x\", \"r\", \"y\"}, {{\"Apple\", 1, \"aple\", \"a\"}, {\"Banana\", 2, \"bananas\", \"b\"}, "
                + "{\"Cherry\", 3, null, null}, {null, null, \"kiwi\", \"w\"}})", join("JoinKind.FullOuter"));
        same("#table({\"k\", \"x\", \"r\", \"y\"}, {{\"Cherry\", 3, null, null}})", join("JoinKind.LeftAnti"));
        same("#table({\"k\", \"x\", \"r\", \"y\"}, {{null, null, \"kiwi\", \"w\"}})", join("JoinKind.RightAnti"));
        fails("Expression.Error", "Table.FuzzyJoin(" + L + ", \"k\", #table({\"k\"}, {{\"Apple\"}}), \"k\")");
    }

    /** Table.FuzzyNestedJoin of two kitchen-item tables with the given trailing arguments. */
    private static String kettles(String trailing) {
        String right = "#table({\"name\", \"n\"}, {{\"kettles\", 1}, {\"Kettle\", 2}, {\"kettl\", 3}, {\"pot\", 4}})";
        String left = "#table({\"item\"}, {{\"kettle\"}, {\"pan\"}})";
        return "Table.FuzzyNestedJoin(" + left + ", \"item\", " + right + ", \"name\", \"m\"" + trailing + ")";
    }

    @Test
    public void nestedJoinKeepsMatchesMostSimilarFirst() {
        // kettle: Kettle 1, kettles 12/13, kettl 10/11; pan: nothing (left outer by default)
        same("{{2, 1, 3}, {}}", "List.Transform(" + kettles("") + "[m], each [n])");
        same("{{2}, {}}", "List.Transform(" + kettles(", JoinKind.LeftOuter, [NumberOfMatches = 1]") + "[m], each [n])");
        same("{{2, 1}}", "List.Transform(" + kettles(", JoinKind.Inner, [NumberOfMatches = 2]") + "[m], each [n])");
        same("{1, 12/13, 10/11}", kettles(", JoinKind.Inner, [SimilarityColumnName = \"s\"]") + "[m]{0}[s]");
        // the threshold is inclusive: kettl's 10/11 is in at 10/11, not just above
        same("{2, 1, 3}", kettles(", JoinKind.Inner, [Threshold = 10/11]") + "[m]{0}[n]");
        same("{2, 1}", kettles(", JoinKind.Inner, [Threshold = 0.91]") + "[m]{0}[n]");
        same("{2}", kettles(", JoinKind.Inner, [Threshold = 1]") + "[m]{0}[n]");
        fails("Expression.Error", kettles(", JoinKind.Inner, [Threshold = 2]"));
    }

    @Test
    public void caseSpaceAndTransformationOptions() {
        String left = "#table({\"a\"}, {{\"BLUEBELL\"}, {\"Sun flower\"}, {\"forget me not\"}})";
        String right = "#table({\"b\"}, {{\"bluebell\"}, {\"Sunflower\"}, {\"myosotis\"}})";
        String joined = "Table.FuzzyJoin(" + left + ", \"a\", " + right + ", \"b\", JoinKind.Inner, ";
        same("{\"bluebell\", \"Sunflower\"}", joined + "[])[b]");
        same("{\"Sunflower\"}", joined + "[IgnoreCase = false])[b]");
        same("{\"bluebell\"}", joined + "[IgnoreSpace = false])[b]");
        same("{\"bluebell\", \"Sunflower\", \"myosotis\"}",
                joined + "[TransformationTable = #table({\"From\", \"To\"}, {{\"forget me not\", \"Myosotis\"}})])[b]");
        same("{1, 0.95, 0.95}", joined + "[SimilarityColumnName = \"s\", "
                + "TransformationTable = #table({\"From\", \"To\"}, {{\"forget me not\", \"Myosotis\"}})])[s]");
    }

    @Test
    public void severalKeyColumns() {
        String people = "#table({\"first\", \"last\", \"id\"}, {{\"Anna\", \"Fisher\", 1}, {\"Anna\", \"Fox\", 2}})";
        String other = "#table({\"given\", \"family\"}, {{\"anna\", \"Fiser\"}, {\"Ann\", \"Fox\"}, {\"Fisher\", \"Anna\"}})";
        // Anna Fisher ~ anna Fiser 18/19; Anna Fox ~ Ann Fox 12/13; the swapped names pair nothing across columns
        same("#table({\"first\", \"last\", \"id\", \"given\", \"family\", \"s\"}, {{\"Anna\", \"Fisher\", 1, \"anna\", \"Fiser\", 18/19}, "
                + "{\"Anna\", \"Fox\", 2, \"Ann\", \"Fox\", 12/13}})",
                "Table.FuzzyJoin(" + people + ", {\"first\", \"last\"}, " + other + ", {\"given\", \"family\"}, JoinKind.Inner, "
                + "[SimilarityColumnName = \"s\"])");
        fails("Expression.Error", "Table.FuzzyJoin(" + people + ", {\"first\", \"last\"}, " + other + ", {\"given\"})");
    }

    // Anna twice is the most frequent; Bob comes before bob; Carl comes first but stays alone
    private static final String NAMES = "#table({\"id\", \"name\"}, {{1, \"Carl\"}, {2, \"Anna\"}, {3, \"anna\"}, {4, \"Ana\"}, "
            + "{5, \"Bob\"}, {6, \"Anna\"}, {7, \"bob\"}})";

    @Test
    public void groupsByRepresentativeLargestFirst() {
        same("#table({\"name\", \"count\", \"ids\"}, {{\"Anna\", 4, {2, 6, 3, 4}}, {\"Bob\", 2, {5, 7}}, {\"Carl\", 1, {1}}})",
                "Table.FuzzyGroup(" + NAMES + ", \"name\", {{\"count\", each Table.RowCount(_)}, {\"ids\", each [id]}})");
        same("{{1, 1, 1, 6/7}, {1, 1}, {1}}", "Table.FuzzyGroup(" + NAMES + ", {\"name\"}, {\"s\", each [s]}, "
                + "[SimilarityColumnName = \"s\"])[s]");
        same("#table({\"name\", \"count\"}, {{\"Anna\", 7}})",
                "Table.FuzzyGroup(" + NAMES + ", \"name\", {\"count\", each Table.RowCount(_)}, [Threshold = 0])");
        same("{\"Anna\", \"Bob\", \"Carl\", \"Ana\"}",
                "Table.FuzzyGroup(" + NAMES + ", \"name\", {\"count\", each Table.RowCount(_)}, [Threshold = 1])[name]");
        same("{\"Anna\", \"Carl\", \"anna\", \"Ana\", \"Bob\", \"bob\"}",
                "Table.FuzzyGroup(" + NAMES + ", \"name\", {\"count\", each Table.RowCount(_)}, [IgnoreCase = false, Threshold = 0.9])[name]");
    }

    @Test
    public void clusterColumn() {
        same("#table({\"id\", \"name\", \"c\"}, {{1, \"Carl\", \"Carl\"}, {2, \"Anna\", \"Anna\"}, {3, \"anna\", \"Anna\"}, "
                + "{4, \"Ana\", \"Anna\"}, {5, \"Bob\", \"Bob\"}, {6, \"Anna\", \"Anna\"}, {7, \"bob\", \"Bob\"}})",
                "Table.AddFuzzyClusterColumn(" + NAMES + ", \"name\", \"c\")");
        same("{1, 1, 1, 6/7, 1, 1, 1}",
                "Table.AddFuzzyClusterColumn(" + NAMES + ", \"name\", \"c\", [SimilarityColumnName = \"s\"])[s]");
        // a transformation table works both ways: Robert and Bob are one cluster whichever side the mapping names
        same("{\"Carl\", \"Anna\", \"Anna\", \"Anna\", \"Bob\", \"Anna\", \"Bob\", \"Bob\"}",
                "Table.AddFuzzyClusterColumn(Table.InsertRows(" + NAMES + ", 7, {[id = 8, name = \"Robert\"]}), \"name\", \"c\", "
                + "[TransformationTable = #table({\"From\", \"To\"}, {{\"Robert\", \"Bob\"}})])[c]");
        same("{\"x\", null, \"x\"}", "Table.AddFuzzyClusterColumn(#table({\"v\"}, {{\"x\"}, {null}, {\"X\"}}), \"v\", \"c\")[c]");
        fails("Expression.Error", "Table.AddFuzzyClusterColumn(" + NAMES + ", \"name\", \"id\")");
    }

    @Test
    public void lengthsDoNotKeepApartWhatTheOptionsMatch() {
        String left = "#table({\"a\"}, {{\"NY\"}, {\"x\"}})";
        String right = "#table({\"b\"}, {{\"New York City\"}})";
        // a mapped word reaches 0.95 although the values' lengths alone would allow at most 4/13
        same("{0.95}", "Table.FuzzyJoin(" + left + ", \"a\", " + right + ", \"b\", JoinKind.Inner, [SimilarityColumnName = \"s\", "
                + "TransformationTable = #table({\"From\", \"To\"}, {{\"ny\", \"new york city\"}})])[s]");
        // a zero threshold matches every pair: ny shares 3 of new's 5 characters, x nothing
        same("{3/13, 0}", "Table.FuzzyJoin(" + left + ", \"a\", " + right + ", \"b\", JoinKind.Inner, [SimilarityColumnName = \"s\", "
                + "Threshold = 0])[s]");
    }
}
