package org.gatehouse.powerquery;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.gatehouse.powerquery.impl.cli.ExcelCache;
import org.junit.Test;

/**
 * Refreshes the real workbooks of the shared test data (inputs remapped from the authors' Windows paths) and compares
 * each loaded query with the table Excel itself cached on the sheet. Skipped where the shared test data is absent.
 */
public class GoldenWorkbookTest {

    private static final Path WORKBOOKS = Path.of("../../../shared/testdata/workbooks").toAbsolutePath().normalize();

    private static byte[] workbook(String name) throws IOException {
        Path p = WORKBOOKS.resolve(name);
        assumeTrue("shared test data not present at " + p, Files.isRegularFile(p));
        return Files.readAllBytes(p);
    }

    @Test
    public void connect() throws IOException {
        refreshMatchesCache("connect.xlsx", new LocalFileAccess().map(
                "C:\\Users\\danie\\OneDrive\\Projects\\PowerQueryCourseBeginners\\Full stack Reporting in Excel\\ETL\\Connect",
                WORKBOOKS.resolve("inputs/connect").toString()), 3);
    }

    @Test
    public void basicTransformations() throws IOException {
        refreshMatchesCache("basic-transformations.xlsx", new LocalFileAccess().map("C:\\Users\\czDanKle\\OneDrive - LEGO\\me-3.0\\Myself\\Freelance\\DataWizard\\Projects\\PowerQueryBeginner\\power-query-excel-beginner\\Full stack Reporting in Excel\\20. ETL\\30. Transform\\10. Basic\\Data",
                WORKBOOKS.resolve("inputs/basic").toString()), 2);
    }

    @Test
    public void tableLookup() throws IOException {
        refreshMatchesCache("table-lookup.xlsx", new LocalFileAccess().map(
                "C:\\Users\\shins\\OneDrive\\Desktop\\refresh_bi\\test\\raw_data", WORKBOOKS.resolve("inputs/st-415").toString()), 1);
    }

    @Test
    public void whyPowerQuery() throws IOException {
        refreshMatchesCache("why-power-query.xlsx", new LocalFileAccess(), 1);
    }

    @Test
    public void currentWorkbook() throws IOException {
        refreshMatchesCache("current-workbook.xlsx", new LocalFileAccess(), 1);
    }

    @Test
    public void macroEnabled() throws IOException {
        refreshMatchesCache("macro-enabled.xlsm", new LocalFileAccess(), 2);
    }

    @Test
    public void simpleQueryTemplate() throws IOException {
        refreshMatchesCache("simple-query-template.xlsx", new LocalFileAccess(), 1);
    }

    @Test
    public void unicodeNamesEvaluate() throws IOException {
        byte[] wb = workbook("unicode-names.xlsx");
        List<QueryResult> results = PowerQuery.refresh(wb, new LocalFileAccess().currentWorkbook(wb));
        QueryResult q2 = results.stream().filter(r -> r.name().equals("查询2")).findFirst().orElseThrow();
        assertEquals(List.of(List.of(3215.0)), q2.rows());
        QueryResult q1 = results.stream().filter(r -> r.name().equals("查询1")).findFirst().orElseThrow();
        assertEquals(List.of("Name", "Value"), q1.columnNames());
        assertTrue(q1.rows().size() > 100);
    }

    @Test
    public void binaryWorkbookMashupIsRead() throws IOException {
        WorkbookMashup m = PowerQuery.readMashup(workbook("binary.xlsb")).orElseThrow();
        assertTrue(m.sectionDocument().contains("fGetNamedRange"));
        org.gatehouse.powerquery.impl.syntax.Parser.parseSection(m.sectionDocument());
    }

    @Test
    public void workbooksWithoutPowerQuery() throws IOException {
        assertFalse(PowerQuery.readMashup(workbook("no-powerquery.xlsx")).isPresent());
        assertFalse(PowerQuery.readMashup(workbook("blank-table-template.xlsx")).isPresent());
    }

    @Test
    public void binaryWorkbook() throws IOException {
        refreshMatchesCache("binary.xlsb", new LocalFileAccess(), 2);
    }

    private void refreshMatchesCache(String name, LocalFileAccess access, int expectedQueries) throws IOException {
        byte[] wb = workbook(name);
        WorkbookMashup mashup = PowerQuery.readMashup(wb).orElseThrow();
        List<QueryResult> results = PowerQuery.refresh(wb, access.currentWorkbook(wb));
        assertEquals(expectedQueries, results.size());
        try (ExcelCache cache = ExcelCache.of(wb)) {
            for (QueryResult r : results) {
                if (r.failed()) {
                    throw new AssertionError(name + " " + r.name() + " failed", r.error());
                }
                MashupQuery q = mashup.queries().stream().filter(x -> x.name().equals(r.name())).findFirst().orElseThrow();
                List<List<String>> cached = cache.table(q.fillTarget()).orElse(null);
                assertNotNull(name + ": no cached table " + q.fillTarget(), cached);
                assertEquals(name + " " + r.name(), Optional.empty(),
                        ExcelCache.firstDifference(r.columnNames(), r.rows(), cached));
            }
        }
    }
}
