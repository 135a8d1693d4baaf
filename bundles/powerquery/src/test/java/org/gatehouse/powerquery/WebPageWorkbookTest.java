package org.gatehouse.powerquery;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A workbook whose query is what Excel's classic "From Web" generates (Web.Page, the first table, a Changed Type
 * step), reading a saved page through File.Contents as the author's path remapped to a local folder.
 */
public class WebPageWorkbookTest {

    @Rule
    public TemporaryFolder dir = new TemporaryFolder();

    @Test
    public void fromWebQueryOverASavedPage() throws Exception {
        Path folder = dir.getRoot().toPath();
        Files.writeString(folder.resolve("standings.html"), "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<title>Standings</title></head><body><table class=\"nav\"><tr><td><a href=\"/\">Home</a></td></tr>"
                + "</table><table class=\"wikitable\"><thead><tr><th>Rank</th><th>Team</th><th>Pts</th></tr></thead>"
                + "<tbody><tr><td>1</td><td>Malmö FF</td><td>12</td></tr><tr><td>2</td><td>Bodø/Glimt</td>"
                + "<td>9</td></tr></tbody></table></body></html>", StandardCharsets.UTF_8);
        String section = "section Section1;\r\n\r\nshared #\"Table 1\" = let\r\n"
                + "    Source = Web.Page(File.Contents(\"C:\\Users\\author\\Desktop\\standings.html\")),\r\n"
                + "    Data1 = Source{1}[Data],\r\n"
                + "    #\"Changed Type\" = Table.TransformColumnTypes(Data1,{{\"Rank\", Int64.Type}, "
                + "{\"Team\", type text}, {\"Pts\", Int64.Type}})\r\nin\r\n    #\"Changed Type\";";
        byte[] wb = GeneratedWorkbookTest.withMashup(GeneratedWorkbookTest.sheetWorkbook(),
                GeneratedWorkbookTest.mashupStream(section, GeneratedWorkbookTest.metadata("Table 1", true)));
        List<QueryResult> results = PowerQuery.refresh(wb,
                new LocalFileAccess().map("C:\\Users\\author\\Desktop", folder.toString()));
        assertEquals(1, results.size());
        QueryResult r = results.get(0);
        assertFalse(String.valueOf(r.error()), r.failed());
        assertEquals(List.of("Rank", "Team", "Pts"), r.columnNames());
        assertEquals(List.of(List.of(1L, "Malmö FF", 12L), List.of(2L, "Bodø/Glimt", 9L)), r.rows());
    }

    /**
     * The shape of a published tool's query (Knafi/MultiMeta's ODC): a generated report whose rows are all td cells,
     * read through a file URI, then promoted and typed.
     */
    @Test
    public void generatedReportThroughAFileUri() throws Exception {
        Path folder = dir.getRoot().toPath();
        Files.writeString(folder.resolve("MultiMeta.html"), "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">"
                + "<HTML><HEAD><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=utf-8\"></HEAD><BODY>"
                + "Report created by <b>me</b> </br><center><table class=\"tftable\" border=\"1\">\r\n"
                + "<tr><td>File</td><td>Size</td><td>FPS</td></tr>\r\n"
                + "<tr><td>D:\\clips\\a.mxf</td><td>1.2 GiB</td><td>25000</td></tr>\r\n"
                + "<tr><td>D:\\clips\\b.mxf</td><td>800 MiB</td><td>50000</td></tr>\r\n</table></center></BODY></HTML>",
                StandardCharsets.UTF_8);
        String section = "section Section1;\r\n\r\nshared #\"Table 0\" = let\r\n"
                + "    Quelle = Web.Page(File.Contents(\"file:///C:\\MultiMeta\\Tool\\WORK\\MultiMeta.html\")),\r\n"
                + "    Data0 = Quelle{0}[Data],\r\n"
                + "    #\"Promoted\" = Table.PromoteHeaders(Data0, [PromoteAllScalars=true]),\r\n"
                + "    #\"Typed\" = Table.TransformColumnTypes(#\"Promoted\",{{\"File\", type text}, {\"Size\", type text}, "
                + "{\"FPS\", Int64.Type}})\r\nin\r\n    #\"Typed\";";
        byte[] wb = GeneratedWorkbookTest.withMashup(GeneratedWorkbookTest.sheetWorkbook(),
                GeneratedWorkbookTest.mashupStream(section, GeneratedWorkbookTest.metadata("Table 0", true)));
        QueryResult r = PowerQuery.refresh(wb, new LocalFileAccess().map("C:\\MultiMeta\\Tool\\WORK", folder.toString()))
                .get(0);
        assertFalse(String.valueOf(r.error()), r.failed());
        assertEquals(List.of("File", "Size", "FPS"), r.columnNames());
        assertEquals(List.of(List.of("D:\\clips\\a.mxf", "1.2 GiB", 25000L), List.of("D:\\clips\\b.mxf", "800 MiB", 50000L)),
                r.rows());
    }
}
