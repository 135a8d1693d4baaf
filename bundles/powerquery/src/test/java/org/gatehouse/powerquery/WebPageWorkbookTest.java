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
}
