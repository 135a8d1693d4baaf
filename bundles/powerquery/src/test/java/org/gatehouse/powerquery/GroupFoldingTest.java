package org.gatehouse.powerquery;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.util.Arrays;
import java.util.List;

import org.junit.Test;

/**
 * Table.Group folds {@code each List.Sum([c])} and {@code each Table.RowCount(_)} row by row; the results must be the
 * ones the general path (a table per group handed to the function) gives, errors and nulls included.
 */
public class GroupFoldingTest {

    private static final String ROWS = "Table.FromRecords({[k = \"a\", v = 1], [k = \"b\", v = null], [k = \"a\", v = 2.5],"
            + " [k = \"c\", v = \"x\"], [k = \"c\", v = 1]})";

    private static QueryResult group(String sum, String count) {
        return PowerQuery.evaluate("section S; shared Q = let T = " + ROWS + ", G = Table.Group(T, {\"k\"},"
                + " {{\"s\", " + sum + ", type number}, {\"n\", " + count + ", Int64.Type}}),"
                + " Safe = Table.AddColumn(G, \"ok\", each try [s] otherwise \"error\") in Table.RemoveColumns(Safe, {\"s\"});",
                "Q", new LocalFileAccess());
    }

    @Test
    public void foldedAggregatesGiveWhatTheGeneralPathGives() {
        QueryResult folded = group("each List.Sum([v])", "each Table.RowCount(_)");
        QueryResult general = group("each List.Sum(Table.Column(_, \"v\"))", "each List.Count(Table.Column(_, \"v\"))");
        assertFalse(String.valueOf(folded.error()), folded.failed());
        assertEquals(List.of(Arrays.asList("a", 2L, "3.5"), Arrays.asList("b", 1L, null), Arrays.asList("c", 2L, "error")),
                folded.rows());
        assertEquals(general.rows(), folded.rows());
    }

    @Test
    public void aShadowedLibraryNameIsNotFolded() {
        QueryResult r = PowerQuery.evaluate("section S; shared Q = let List.Sum = (l) => 42,"
                + " G = Table.Group(" + ROWS + ", {\"k\"}, {{\"s\", each List.Sum([v])}}) in G;", "Q",
                new LocalFileAccess());
        assertEquals(List.of(List.of("a", 42.0), List.of("b", 42.0), List.of("c", 42.0)), r.rows());
    }
}
