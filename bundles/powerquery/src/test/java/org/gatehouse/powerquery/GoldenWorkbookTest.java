package org.gatehouse.powerquery;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gatehouse.powerquery.impl.lib.ExcelTables;
import org.gatehouse.powerquery.impl.value.MTable;
import org.gatehouse.powerquery.impl.value.Thunk;
import org.gatehouse.powerquery.impl.value.Values;
import org.junit.Test;

/**
 * Refreshes the real workbooks of the shared test data (inputs remapped from the authors' Windows paths) and compares
 * each loaded query with the table Excel itself cached on the sheet. Skipped where the shared test data is absent.
 */
public class GoldenWorkbookTest {

    private static final Path WORKBOOKS = Path.of("../../../shared/testdata/workbooks").toAbsolutePath().normalize();
    /** Columns holding the refresh time (DateTime.LocalNow()): compared by structure only. */
    private static final Set<String> VOLATILE = Set.of("DateTimeGenerated", "Now");

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
        if (name.endsWith(".xlsb")) { // POI's XSSFWorkbook cannot open it: the engine's own table reader reads the cache
            refreshMatchesCache(name, wb, access, expectedQueries, table -> cachedBinaryTable(wb, table));
            return;
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(wb))) {
            refreshMatchesCache(name, wb, access, expectedQueries, table -> cachedTable(book, table));
        }
    }

    private void refreshMatchesCache(String name, byte[] wb, LocalFileAccess access, int expectedQueries,
            Function<String, List<List<String>>> cachedTables) {
        WorkbookMashup mashup = PowerQuery.readMashup(wb).orElseThrow();
        List<QueryResult> results = PowerQuery.refresh(wb, access.currentWorkbook(wb));
        assertEquals(expectedQueries, results.size());
        for (QueryResult r : results) {
            if (r.failed()) {
                throw new AssertionError(name + " " + r.name() + " failed", r.error());
            }
            MashupQuery q = mashup.queries().stream().filter(x -> x.name().equals(r.name())).findFirst().orElseThrow();
            List<List<String>> cached = cachedTables.apply(q.fillTarget());
            assertNotNull(name + ": no cached table " + q.fillTarget(), cached);
            assertEquals(name + " " + r.name() + " columns", cached.get(0), r.columnNames());
            assertEquals(name + " " + r.name() + " row count", cached.size() - 1, r.rows().size());
            for (int i = 0; i < r.rows().size(); i++) {
                for (int c = 0; c < r.columns().size(); c++) {
                    if (VOLATILE.contains(r.columnNames().get(c))) {
                        continue;
                    }
                    assertEquals(name + " " + r.name() + " row " + i + " column " + r.columnNames().get(c),
                            cached.get(i + 1).get(c), normalize(r.rows().get(i).get(c)));
                }
            }
        }
    }

    /** The header and rows of an .xlsb's table of that name, as Excel.CurrentWorkbook reads it, as normalized text. */
    private static List<List<String>> cachedBinaryTable(byte[] wb, String tableName) {
        MTable tables = ExcelTables.currentWorkbook(wb);
        for (Object[] entry : tables.rows()) {
            if (entry[0].equals(tableName)) {
                MTable table = (MTable) entry[1];
                List<List<String>> out = new ArrayList<>();
                out.add(table.columns());
                for (Object[] row : table.rows()) {
                    List<String> values = new ArrayList<>();
                    for (Object value : row) {
                        values.add(normalize(Thunk.force(value)));
                    }
                    out.add(values);
                }
                return out;
            }
        }
        return null;
    }

    /** The header and rows of the sheet table Excel loaded the query into, as normalized text. */
    private static List<List<String>> cachedTable(XSSFWorkbook book, String tableName) {
        for (int s = 0; s < book.getNumberOfSheets(); s++) {
            XSSFSheet sheet = book.getSheetAt(s);
            for (XSSFTable t : sheet.getTables()) {
                if (t.getName().equals(tableName) || t.getDisplayName().equals(tableName)) {
                    return read(sheet, t);
                }
            }
        }
        return null;
    }

    private static List<List<String>> read(Sheet sheet, XSSFTable t) {
        CellReference from = t.getStartCellReference(), to = t.getEndCellReference();
        List<List<String>> out = new ArrayList<>();
        List<String> header = new ArrayList<>();
        t.getColumns().forEach(c -> header.add(c.getName()));
        out.add(header);
        for (int r = from.getRow() + 1; r <= to.getRow() - t.getTotalsRowCount(); r++) {
            List<String> row = new ArrayList<>();
            for (int c = from.getCol(); c <= to.getCol(); c++) {
                row.add(normalize(sheet.getRow(r) == null ? null : ExcelTables.cellValue(sheet.getRow(r).getCell(c))));
            }
            out.add(row);
        }
        return out;
    }

    static String normalize(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Number n) {
            return Values.formatNumber(n.doubleValue());
        }
        if (v instanceof LocalDateTime d) {
            LocalDateTime s = d.truncatedTo(ChronoUnit.SECONDS);
            return s.toLocalTime().toSecondOfDay() == 0 ? s.toLocalDate().toString() : s.toString();
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        if (v instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        return v.toString();
    }
}
