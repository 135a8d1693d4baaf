package org.gatehouse.powerquery;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A workbook refreshes in the culture of its DataMashup package (Config/Package.xml), Culture.Current in Excel:
 * conversions without a culture read its dates and numbers. Folder.Files has Power Query's columns, and the ones a
 * sheet cannot hold (Content, Attributes) are not loaded.
 */
public class DocumentCultureTest {

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private static byte[] workbook(String culture, String section) throws IOException {
        ByteArrayOutputStream parts = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(parts)) {
            zip.putNextEntry(new ZipEntry("Config/Package.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"utf-8\"?><Package xmlns=\"http://schemas.microsoft.com/"
                    + "DataMashup\"><Version>1.0.0.0</Version><MinVersion>1.0.0.0</MinVersion><Culture>" + culture
                    + "</Culture></Package>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("Formulas/Section1.m"));
            zip.write(section.getBytes(StandardCharsets.UTF_8));
        }
        byte[] xml = GeneratedWorkbookTest.metadata("Q", true).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream metadata = new ByteArrayOutputStream();
        metadata.write(GeneratedWorkbookTest.le(0));
        metadata.write(GeneratedWorkbookTest.le(xml.length));
        metadata.write(xml);
        metadata.write(GeneratedWorkbookTest.le(0));
        byte[] permissions = "<PermissionList/>".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.write(GeneratedWorkbookTest.le(0));
        stream.write(GeneratedWorkbookTest.le(parts.size()));
        stream.write(parts.toByteArray());
        stream.write(GeneratedWorkbookTest.le(permissions.length));
        stream.write(permissions);
        stream.write(GeneratedWorkbookTest.le(metadata.size()));
        stream.write(metadata.toByteArray());
        stream.write(GeneratedWorkbookTest.le(0));
        return GeneratedWorkbookTest.withMashup(GeneratedWorkbookTest.sheetWorkbook(), stream.toByteArray());
    }

    private static QueryResult refresh(String culture, String query) throws IOException {
        List<QueryResult> results = PowerQuery.refresh(workbook(culture, "section Section1;\r\nshared Q = " + query + ";"),
                new LocalFileAccess());
        assertEquals(1, results.size());
        if (results.get(0).failed()) {
            throw results.get(0).error();
        }
        return results.get(0);
    }

    @Test
    public void datesAndNumbersReadInTheWorkbooksCulture() throws IOException {
        String dayFirst = "Table.TransformColumnTypes(#table({\"D\"}, {{\"01-04-2018\"}}), {{\"D\", type date}})";
        assertEquals(LocalDate.of(2018, 4, 1), refresh("en-IN", dayFirst).rows().get(0).get(0));
        assertEquals(LocalDate.of(2018, 1, 4), refresh("en-US", dayFirst).rows().get(0).get(0));
        assertEquals(1234.5, refresh("de-DE", "Table.TransformColumnTypes(#table({\"N\"}, {{\"1.234,5\"}}), "
                + "{{\"N\", type number}})").rows().get(0).get(0));
        assertEquals("en-IN", refresh("en-IN", "Culture.Current").rows().get(0).get(0));
    }

    @Test
    public void aCultureArgumentStillWins() throws IOException {
        assertEquals(LocalDate.of(2018, 1, 4), refresh("en-IN", "Table.TransformColumnTypes(#table({\"D\"}, "
                + "{{\"01-04-2018\"}}), {{\"D\", type date}}, \"en-US\")").rows().get(0).get(0));
    }

    @Test
    public void folderFilesHasPowerQuerysColumnsAndLoadsTheSheetOnes() throws IOException {
        Path dir = temp.newFolder("folder-files").toPath();
        Files.writeString(dir.resolve("a.csv"), "x");
        String source = "Folder.Files(\"" + dir.toString().replace("\\", "\\\\") + "\")";
        assertEquals(List.of("Name", "Extension", "Date accessed", "Date modified", "Date created", "Folder Path"),
                refresh("en-US", source).columnNames());
        assertEquals("Content|Name|Extension|Date accessed|Date modified|Date created|Attributes|Folder Path",
                refresh("en-US", "Text.Combine(Table.ColumnNames(" + source + "), \"|\")").rows().get(0).get(0));
        assertEquals(1.0, refresh("en-US", "Table.First(" + source + ")[Attributes][Size]").rows().get(0).get(0));
    }

    @Test
    public void concurrentRefreshesEachKeepTheirOwnCulture() throws Exception {
        // the gateway refreshes several workbooks at once: one's culture must not leak into the other's conversions
        String dayFirst = "Table.TransformColumnTypes(#table({\"D\"}, {{\"01-04-2018\"}}), {{\"D\", type date}})";
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Object>> india = new java.util.ArrayList<>();
            List<java.util.concurrent.Future<Object>> us = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                india.add(pool.submit(() -> refresh("en-IN", dayFirst).rows().get(0).get(0)));
                us.add(pool.submit(() -> refresh("en-US", dayFirst).rows().get(0).get(0)));
            }
            for (int i = 0; i < 20; i++) {
                assertEquals(LocalDate.of(2018, 4, 1), india.get(i).get());
                assertEquals(LocalDate.of(2018, 1, 4), us.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
