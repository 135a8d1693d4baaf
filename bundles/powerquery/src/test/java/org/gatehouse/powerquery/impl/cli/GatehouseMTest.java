package org.gatehouse.powerquery.impl.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class GatehouseMTest {

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private static String run(String stdin, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GatehouseM.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    public void evalJudgesByMEquality() throws Exception {
        String out = run("{\"id\":1,\"expr\":\"1+1\",\"expected\":\"2\"}\n"
                + "{\"id\":2,\"expr\":\"{1,2}\",\"expected\":\"{2,1}\"}\n"
                + "{\"id\":3,\"expr\":\"1 + \\\"a\\\"\",\"expected\":\"error \\\"any\\\"\"}\n"
                + "{\"id\":4,\"expr\":\"error [Reason = \\\"A\\\"]\",\"expected\":\"error [Reason = \\\"B\\\"]\"}\n"
                + "{\"id\":5,\"expr\":\"let x = \",\"expected\":\"1\"}\n", "eval");
        String[] lines = out.split("\n");
        assertEquals(5, lines.length);
        assertEquals("{\"id\":1,\"ok\":true,\"actual\":\"2\"}", lines[0]);
        assertTrue(lines[1], lines[1].contains("\"ok\":false"));
        assertTrue(lines[2], lines[2].contains("\"ok\":true"));
        assertTrue(lines[3], lines[3].contains("\"ok\":false"));
        assertTrue(lines[4], lines[4].contains("SyntaxError"));
    }

    @Test
    public void evalGoesOnAfterACaseTooLargeToEvaluate() throws Exception {
        String out = run("{\"id\":1,\"expr\":\"Text.Repeat(\\\"xy\\\", 2000000000)\",\"expected\":\"1\"}\n"
                + "{\"id\":2,\"expr\":\"1+1\",\"expected\":\"2\"}\n", "eval");
        String[] lines = out.split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0], lines[0].contains("\"ok\":false") && lines[0].contains("Expression.Error"));
        assertEquals("{\"id\":2,\"ok\":true,\"actual\":\"2\"}", lines[1]);
    }

    @Test(timeout = 60_000)
    public void evalStopsACaseThatNeverEndsAtItsTimeLimit() throws Exception {
        String out = run("{\"id\":1,\"expr\":\"List.Last(List.Generate(() => 0, each true, each _ + 1))\","
                + "\"expected\":\"1\"}\n{\"id\":2,\"expr\":\"1+1\",\"expected\":\"2\"}\n", "eval", "--timeout", "1");
        String[] lines = out.split("\n");
        assertEquals(2, lines.length);
        assertEquals("{\"id\":1,\"ok\":false,\"error\":\"Expression.Error: The evaluation did not finish within 1 s and "
                + "was stopped.\"}", lines[0]);
        assertEquals("{\"id\":2,\"ok\":true,\"actual\":\"2\"}", lines[1]);
    }

    @Test
    public void refreshPrintsCsv() throws Exception {
        Path dir = temp.getRoot().toPath();
        Files.writeString(dir.resolve("in.csv"), "a,b\n1,\"x,y\"\n");
        byte[] stream = org.gatehouse.powerquery.GeneratedWorkbookTest.mashupStream(
                "section Section1; shared Q = Table.PromoteHeaders(Csv.Document(File.Contents(\"C:\\Data\\in.csv\"), [QuoteStyle = QuoteStyle.Csv]));",
                org.gatehouse.powerquery.GeneratedWorkbookTest.metadata("Q", true));
        Path pbix = dir.resolve("model.pbix");
        Files.write(pbix, org.gatehouse.powerquery.GeneratedWorkbookTest.zip("DataMashup", stream));
        String out = run("", "refresh", pbix.toString(), "--map", "C:\\Data=" + dir);
        assertEquals("# Q\na,b\n1,\"x,y\"\n", out.replace("\r\n", "\n"));
    }

    @Test
    public void refreshReadsTheWebDirectlyUnlessOffline() throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/rates.csv", exchange -> {
            byte[] body = "currency,rate\nEUR,1.08\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            Path dir = temp.getRoot().toPath();
            byte[] stream = org.gatehouse.powerquery.GeneratedWorkbookTest.mashupStream("section Section1; shared Q = "
                    + "Table.PromoteHeaders(Csv.Document(Web.Contents(\"http://127.0.0.1:"
                    + server.getAddress().getPort() + "/rates.csv\")));",
                    org.gatehouse.powerquery.GeneratedWorkbookTest.metadata("Q", true));
            Path pbix = dir.resolve("web.pbix");
            Files.write(pbix, org.gatehouse.powerquery.GeneratedWorkbookTest.zip("DataMashup", stream));
            assertEquals("# Q\ncurrency,rate\nEUR,1.08\n", run("", "refresh", pbix.toString()).replace("\r\n", "\n"));
            String offline = run("", "refresh", pbix.toString(), "--offline");
            assertTrue(offline, !offline.contains("EUR"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    public void checkComparesEachQueryWithTheTableExcelLoadedItInto() throws Exception {
        Path dir = temp.getRoot().toPath();
        Path same = dir.resolve("same.xlsx");
        Files.write(same, workbookLoadingSales("Excel.CurrentWorkbook(){[Name=\"Sales\"]}[Content]"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = GatehouseM.run(new String[] {"check", same.toString()}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertEquals("Sales: same as Excel (2 rows)\n", out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
        assertEquals(0, status);

        Path sorted = dir.resolve("sorted.xlsx");
        Files.write(sorted, workbookLoadingSales("Table.Sort(Excel.CurrentWorkbook(){[Name=\"Sales\"]}[Content], "
                + "{\"Name\"})"));
        out.reset();
        status = GatehouseM.run(new String[] {"check", sorted.toString()}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertEquals("Sales: DIFFERS: row 1 column Name: a, Excel has b\n",
                out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
        assertEquals(1, status);
    }

    @Test
    public void refreshWritesDatesAndTimesWithTheirSeconds() throws Exception {
        Path dir = temp.getRoot().toPath();
        byte[] stream = org.gatehouse.powerquery.GeneratedWorkbookTest.mashupStream("section Section1; shared Q = "
                + "#table({\"d\", \"dt\", \"t\", \"dtz\"}, {{#date(2024, 2, 29), #datetime(2024, 2, 29, 8, 0, 0), "
                + "#time(8, 5, 0.25), #datetimezone(2024, 2, 29, 8, 0, 0, 1, 0)}});",
                org.gatehouse.powerquery.GeneratedWorkbookTest.metadata("Q", true));
        Path pbix = dir.resolve("times.pbix");
        Files.write(pbix, org.gatehouse.powerquery.GeneratedWorkbookTest.zip("DataMashup", stream));
        assertEquals("# Q\nd,dt,t,dtz\n2024-02-29,2024-02-29T08:00:00,08:05:00.25,2024-02-29T08:00:00+01:00\n",
                run("", "refresh", pbix.toString()).replace("\r\n", "\n"));
    }

    @Test
    public void checkSaysWhenExcelCachedNoTableForAQuery() throws Exception {
        Path dir = temp.getRoot().toPath();
        Path book = dir.resolve("model-only.xlsx");
        String noFillTarget = "<LocalPackageMetadataFile><Items><Item><ItemLocation><ItemType>Formula</ItemType>"
                + "<ItemPath>Section1/Q</ItemPath></ItemLocation><StableEntries><Entry Type=\"FillEnabled\" "
                + "Value=\"l1\"/></StableEntries></Item></Items></LocalPackageMetadataFile>";
        Files.write(book, org.gatehouse.powerquery.GeneratedWorkbookTest.withMashup(
                org.gatehouse.powerquery.GeneratedWorkbookTest.sheetWorkbook(),
                org.gatehouse.powerquery.GeneratedWorkbookTest.mashupStream("section Section1; shared Q = "
                        + "#table({\"x\"}, {{1}, {2}});", noFillTarget)));
        assertEquals("Q: refreshed 2 rows; Excel cached no table for it\n",
                run("", "check", book.toString()).replace("\r\n", "\n"));
    }

    @Test
    public void checkSaysWhenTheMashupHoldsNoQuery() throws Exception {
        // Excel keeps a DataMashup with an empty section once a workbook's last query is deleted
        Path dir = temp.getRoot().toPath();
        Path book = dir.resolve("emptied.xlsx");
        Files.write(book, org.gatehouse.powerquery.GeneratedWorkbookTest.withMashup(
                org.gatehouse.powerquery.GeneratedWorkbookTest.sheetWorkbook(),
                org.gatehouse.powerquery.GeneratedWorkbookTest.mashupStream("section Section1;",
                        "<LocalPackageMetadataFile><Items/></LocalPackageMetadataFile>")));
        assertEquals("emptied.xlsx: no query to refresh (its DataMashup holds none that loads)\n",
                run("", "check", book.toString()).replace("\r\n", "\n"));
    }

    /** A workbook whose table Sales (b, a) holds Excel's cache of a query Sales with this M expression. */
    private static byte[] workbookLoadingSales(String expression) throws Exception {
        return org.gatehouse.powerquery.GeneratedWorkbookTest.withMashup(
                org.gatehouse.powerquery.GeneratedWorkbookTest.sheetWorkbook(),
                org.gatehouse.powerquery.GeneratedWorkbookTest.mashupStream("section Section1; shared Sales = "
                        + expression + ";", org.gatehouse.powerquery.GeneratedWorkbookTest.metadata("Sales", true)));
    }
}
