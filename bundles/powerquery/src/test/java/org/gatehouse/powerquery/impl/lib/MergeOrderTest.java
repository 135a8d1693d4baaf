package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.same;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gatehouse.powerquery.BinarySource;
import org.gatehouse.powerquery.DataAccess;
import org.gatehouse.powerquery.PowerQuery;
import org.gatehouse.powerquery.QueryResult;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The row order of a left outer merge, as Power Query's pairwise hash join gives it: the left rows read while both
 * sides were read in turn come out grouped by key, in the order keys entered the join's lookup from either side.
 */
public class MergeOrderTest {

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private static final String STATES = "#table({\"abbr\", \"name\"}, {{\"AZ\", \"Arizona\"}, {\"CA\", \"California\"},"
            + " {\"AL\", \"Alabama\"}})";

    private static String leftOrder(String left, String right) {
        return "Table.NestedJoin(" + left + ", \"state\", " + right + ", \"abbr\", \"s\", JoinKind.LeftOuter)[job]";
    }

    private static String jobs(String... statesInOrder) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < statesInOrder.length; i++) {
            rows.append(i == 0 ? "" : ", ").append("{").append(i).append(", \"").append(statesInOrder[i]).append("\"}");
        }
        return "#table({\"job\", \"state\"}, {" + rows + "})";
    }

    @Test
    public void theFirstRowsComeGroupedByKeyInTheOrderKeysWereFirstSeenOnEitherSide() {
        // read in turn: NY|AZ, CA|CA, AZ|AL, then CA and the right side is done: NY, AZ, CA, AL entered in that order;
        // AZ (1st right row) comes before CA although CA's job is earlier. Rows 4 and 5 follow in their own order.
        same("{0, 2, 1, 3, 4, 5}", leftOrder(jobs("NY", "CA", "AZ", "CA", "NY", "AZ"), STATES));
    }

    @Test
    public void aLeftTableAsLongAsTheRightIsRegroupedWhole() {
        // a ru-RU workbook: 48 isolates merged with 48 subtypes come in the lookup's order
        same("{0, 2, 1}", leftOrder(jobs("CA", "AZ", "CA"), STATES));
        same("{0, 1, 2}", leftOrder(jobs("CA", "AZ", "NY"), STATES)); // distinct keys keep their order
    }

    @Test
    public void aLeftTableShorterThanTheRightComesInTheRightTablesOrder() {
        // a ru-RU workbook merging 56 samples with a 230-row register sorted by number: Excel lists the samples in
        // the register's order
        same("{1, 0}", leftOrder(jobs("CA", "AZ"), STATES));
        same("{\"c\", \"a\", \"b\"}", "Table.NestedJoin(#table({\"k\", \"v\"}, {{3, \"a\"}, {4, \"b\"}, {1, \"c\"}}), "
                + "\"k\", #table({\"n\"}, {{1}, {2}, {3}, {4}, {5}}), \"n\", \"j\", JoinKind.LeftOuter)[v]");
        // an unmatched left row comes last (the engine's choice: no workbook shows it yet)
        same("{\"c\", \"b\", \"a\"}", "Table.NestedJoin(#table({\"k\", \"v\"}, {{9, \"a\"}, {4, \"b\"}, {1, \"c\"}}), "
                + "\"k\", #table({\"n\"}, {{1}, {2}, {3}, {4}, {5}}), \"n\", \"j\", JoinKind.LeftOuter)[v]");
    }

    @Test
    public void appendedTablesAreMergedEachOnItsOwn() {
        String appended = "Table.Combine({" + jobs("NY", "CA", "AZ", "CA", "NY") + ", Table.TransformColumns("
                + jobs("CA", "NY", "CA", "AZ", "CA") + ", {\"job\", each _ + 10})})";
        // the second table's first four rows are regrouped on their own: CA|AZ, NY|CA, CA|AL, AZ, then row 14
        same("{0, 2, 1, 3, 4, 10, 12, 13, 11, 14}", leftOrder(appended, STATES));
    }

    @Test
    public void appendedFilesReadAsTheyStreamAreMergedEachOnItsOwnToo() throws Exception {
        java.nio.file.Path dir = temp.getRoot().toPath();
        java.nio.file.Files.writeString(dir.resolve("a.csv"), "job,state\n0,NY\n1,CA\n2,AZ\n3,CA\n4,NY\n");
        java.nio.file.Files.writeString(dir.resolve("b.csv"), "job,state\n10,CA\n11,NY\n12,CA\n13,AZ\n14,CA\n");
        String part = "Table.TransformColumnTypes(Table.PromoteHeaders(Csv.Document(File.Contents(\"%s\"))), "
                + "{{\"job\", Int64.Type}})";
        String appended = "Table.Combine({" + String.format(part, dir.resolve("a.csv").toString().replace("\\", "/"))
                + ", " + String.format(part, dir.resolve("b.csv").toString().replace("\\", "/")) + "})";
        same("{0, 2, 1, 3, 4, 10, 12, 13, 11, 14}", leftOrder(appended, STATES));
    }

    @Test
    public void regroupingAppendedFilesReadsThemNoMoreThanAMergeInLeftOrder() {
        String part = "Table.PromoteHeaders(Csv.Document(File.Contents(\"%s\")))";
        String merge = "Table.NestedJoin(Table.Combine({" + String.format(part, "a.csv") + ", "
                + String.format(part, "b.csv") + "}), \"state\", " + STATES + ", \"abbr\", \"s\", JoinKind.LeftOuter";
        CountingFiles regrouped = new CountingFiles();
        assertEquals(List.of("0", "2", "1", "3", "4", "10", "12", "13", "11", "14"), regrouped.jobs(merge + ")"));
        CountingFiles inLeftOrder = new CountingFiles();
        assertEquals(List.of("0", "1", "2", "3", "4", "10", "11", "12", "13", "14"),
                inLeftOrder.jobs(merge + ", JoinAlgorithm.RightHash)"));
        // counting each part's rows for the regrouping takes no read of its own
        assertEquals(inLeftOrder.opens, regrouped.opens);
    }

    /** Two CSV files served as streams, counting how often each is opened. */
    private static final class CountingFiles implements DataAccess {

        private static final Map<String, String> FILES = Map.of("a.csv", "job,state\n0,NY\n1,CA\n2,AZ\n3,CA\n4,NY\n",
                "b.csv", "job,state\n10,CA\n11,NY\n12,CA\n13,AZ\n14,CA\n");
        final Map<String, Integer> opens = new HashMap<>();

        @Override
        public byte[] fileContents(String path) {
            throw new AssertionError("read as a stream only");
        }

        @Override
        public BinarySource fileStream(String path) {
            return () -> {
                opens.merge(path, 1, Integer::sum);
                return new ByteArrayInputStream(FILES.get(path).getBytes(StandardCharsets.UTF_8));
            };
        }

        List<Object> jobs(String query) {
            QueryResult r = PowerQuery.evaluate("section S; shared Q = " + query + ";", "Q", this);
            assertFalse(String.valueOf(r.error()), r.failed());
            return r.rows().stream().map(row -> row.get(0)).toList();
        }
    }

    @Test
    public void tableJoinLeftOuterGivesTheSameOrder() {
        same("{0, 2, 1, 3, 4, 5}", "Table.Join(" + jobs("NY", "CA", "AZ", "CA", "NY", "AZ") + ", \"state\", " + STATES
                + ", \"abbr\", JoinKind.LeftOuter)[job]");
    }

    @Test
    public void aRightHashJoinStreamsTheLeftRowsInTheirOrder() {
        same("{0, 1, 2, 3, 4, 5}", "Table.NestedJoin(" + jobs("NY", "CA", "AZ", "CA", "NY", "AZ") + ", \"state\", "
                + STATES + ", \"abbr\", \"s\", JoinKind.LeftOuter, JoinAlgorithm.RightHash)[job]");
        same("{0, 1, 2, 3, 4, 5}", "Table.Join(" + jobs("NY", "CA", "AZ", "CA", "NY", "AZ") + ", \"state\", " + STATES
                + ", \"abbr\", JoinKind.LeftOuter, JoinAlgorithm.RightHash)[job]");
    }

    @Test
    public void theDocumentedAlgorithmsAndSidesAreNamed() {
        same("{0, 1, 2, 3, 4, 5, 6}", "{JoinAlgorithm.Dynamic, JoinAlgorithm.PairwiseHash, JoinAlgorithm.SortMerge, "
                + "JoinAlgorithm.LeftHash, JoinAlgorithm.RightHash, JoinAlgorithm.LeftIndex, JoinAlgorithm.RightIndex}");
        same("{0, 1}", "{JoinSide.Left, JoinSide.Right}");
    }

    @Test
    public void everyKindListsTheLeftRowsItKeepsInTheMergesOrder() {
        String jobs = jobs("NY", "CA", "AZ", "CA", "NY", "AZ");
        same("{2, 1, 3, 5}", "Table.NestedJoin(" + jobs + ", \"state\", " + STATES + ", \"abbr\", \"s\", "
                + "JoinKind.Inner)[job]");
        same("{0, 4}", "Table.NestedJoin(" + jobs + ", \"state\", " + STATES + ", \"abbr\", \"s\", "
                + "JoinKind.LeftAnti)[job]");
    }
}
