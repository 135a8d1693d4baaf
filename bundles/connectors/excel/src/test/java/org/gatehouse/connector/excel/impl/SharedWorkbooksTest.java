package org.gatehouse.connector.excel.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gatehouse.connector.file.impl.AllowedFiles;
import org.gatehouse.api.Column;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.DataSourceSettings;
import org.gatehouse.api.Query;
import org.gatehouse.api.RowSource;
import org.gatehouse.powerquery.MashupQuery;
import org.gatehouse.powerquery.PowerQuery;
import org.gatehouse.powerquery.WorkbookMashup;
import org.gatehouse.powerquery.impl.lib.ExcelTables;
import org.junit.Test;

/**
 * The real workbooks of the shared test data, refreshed through the connector (allowed root: the test data folder;
 * the authors' Windows folders mapped to its inputs/ with pathMap), each loaded query compared cell by cell with the
 * table Excel cached on the sheet, normalized as the engine's golden tests do. Skipped without the shared test data.
 */
public class SharedWorkbooksTest {

    private static final Path WORKBOOKS = Path.of("../../../../shared/testdata/workbooks").toAbsolutePath().normalize();
    /** Columns holding the refresh time (DateTime.LocalNow()): compared by structure only. */
    private static final Set<String> VOLATILE = Set.of("DateTimeGenerated", "Now");

    private final ExcelConnector connector = new ExcelConnector(new AllowedFiles(WORKBOOKS.toString()));

    private static Path workbook(String name) {
        Path p = WORKBOOKS.resolve(name);
        assumeTrue("shared test data not present at " + p, Files.isRegularFile(p));
        return p;
    }

    @Test
    public void connect() throws Exception {
        matchesCache("connect.xlsx", "C:\\Users\\danie\\OneDrive\\Projects\\PowerQueryCourseBeginners\\Full stack "
                + "Reporting in Excel\\ETL\\Connect=" + WORKBOOKS.resolve("inputs/connect"), 3);
    }

    @Test
    public void basicTransformations() throws Exception {
        matchesCache("basic-transformations.xlsx", "C:\\Users\\czDanKle\\OneDrive - LEGO\\me-3.0\\Myself\\Freelance\\"
                + "DataWizard\\Projects\\PowerQueryBeginner\\power-query-excel-beginner\\Full stack Reporting in Excel\\"
                + "20. ETL\\30. Transform\\10. Basic\\Data=" + WORKBOOKS.resolve("inputs/basic"), 2);
    }

    @Test
    public void tableLookup() throws Exception {
        matchesCache("table-lookup.xlsx", "C:\\Users\\shins\\OneDrive\\Desktop\\refresh_bi\\test\\raw_data="
                + WORKBOOKS.resolve("inputs/st-415"), 1);
    }

    @Test
    public void workbooksReadingOnlyThemselves() throws Exception {
        matchesCache("why-power-query.xlsx", null, 1);
        matchesCache("current-workbook.xlsx", null, 1);
        matchesCache("macro-enabled.xlsm", null, 2);
        matchesCache("simple-query-template.xlsx", null, 1);
    }

    @Test
    public void unicodeNames() throws Exception {
        DataSourceSettings settings = settings(workbook("unicode-names.xlsx"), null);
        assertEquals(List.of(List.of(3215.0)), rows(settings, "查询2").rows);
        Result q1 = rows(settings, "查询1");
        assertEquals(List.of("Name", "Value"), q1.names());
        assertTrue(q1.rows.size() > 100);
    }

    @Test
    public void binaryWorkbooksQueriesReadTheirNamedRanges() throws Exception {
        DataSourceSettings settings = settings(workbook("binary.xlsb"), null);
        Result raw = rows(settings, "RawInput");
        assertEquals(List.of("RawInput"), raw.names());
        assertEquals(List.of(List.of("HELLO WORLD!")), raw.rows);
        Result last = rows(settings, "FinalTable");
        assertEquals(List.of("RawInput", "Now"), last.names());
        assertEquals("HELLO WORLD!", last.rows.get(0).get(0));
    }

    @Test
    public void binaryWorkbooksSheetsAreReadable() throws Exception {
        Result sheet = rows(settings(workbook("binary.xlsb"), null), "sheet:Input");
        assertEquals(List.of("InputText:", "HELLO WORLD!", "Column3"), sheet.names());
        assertEquals(7, sheet.rows.size());
        // a column of text and a datetime is text, the datetime as Power Query writes it
        assertEquals("6/21/2025 10:58:13 PM", sheet.rows.get(6).get(2));
    }

    @Test
    public void tablesOfWorkbooksWithoutPowerQuery() throws Exception {
        Path path = workbook("no-powerquery.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(path))) {
            int checked = 0;
            for (int s = 0; s < book.getNumberOfSheets(); s++) {
                for (XSSFTable t : book.getSheetAt(s).getTables()) {
                    Result r = rows(settings(path, null), "table:" + t.getName());
                    List<List<String>> cached = read(book.getSheetAt(s), t);
                    assertEquals(t.getName(), cached.get(0), r.names());
                    assertEquals(t.getName(), cached.size() - 1, r.rows.size());
                    checked++;
                }
            }
            assumeTrue("no tables in no-powerquery.xlsx", checked > 0);
        }
    }

    private static DataSourceSettings settings(Path workbook, String pathMap) {
        Map<String, String> p = new HashMap<>();
        p.put("workbook", workbook.toString());
        if (pathMap != null) {
            p.put("pathMap", pathMap);
        }
        return new DataSourceSettings("shared-" + workbook.getFileName(), "excel-workbook", p);
    }

    private record Result(List<Column> columns, List<List<Object>> rows) {
        List<String> names() {
            return columns.stream().map(Column::name).toList();
        }
    }

    private Result rows(DataSourceSettings settings, String query) throws ConnectorException {
        try (RowSource source = connector.open(settings, Credentials.anonymous(), new Query(query, query))) {
            List<List<Object>> rows = new ArrayList<>();
            Object[] row = new Object[source.schema().size()];
            while (source.next(row)) {
                rows.add(java.util.Arrays.asList(row.clone()));
            }
            return new Result(source.schema().columns(), rows);
        }
    }

    private void matchesCache(String name, String pathMap, int expectedQueries) throws Exception {
        Path path = workbook(name);
        byte[] bytes = Files.readAllBytes(path);
        WorkbookMashup mashup = PowerQuery.readMashup(bytes).orElseThrow();
        List<MashupQuery> loaded = mashup.loadedQueries();
        assertEquals(name, expectedQueries, loaded.size());
        try (InputStream in = Files.newInputStream(path); XSSFWorkbook book = new XSSFWorkbook(in)) {
            for (MashupQuery q : loaded) {
                Result r = rows(settings(path, pathMap), q.name());
                List<List<String>> cached = cachedTable(book, q.fillTarget());
                assertNotNull(name + ": no cached table " + q.fillTarget(), cached);
                String what = name + " " + q.name();
                assertEquals(what + " columns", cached.get(0), r.names());
                assertEquals(what + " row count", cached.size() - 1, r.rows.size());
                for (int i = 0; i < r.rows.size(); i++) {
                    for (int c = 0; c < r.columns.size(); c++) {
                        if (!VOLATILE.contains(r.names().get(c))) {
                            assertEquals(what + " row " + i + " column " + r.names().get(c),
                                    cached.get(i + 1).get(c), normalize(r.rows.get(i).get(c)));
                        }
                    }
                }
            }
        }
    }

    private static List<List<String>> cachedTable(XSSFWorkbook book, String tableName) {
        for (int s = 0; s < book.getNumberOfSheets(); s++) {
            for (XSSFTable t : book.getSheetAt(s).getTables()) {
                if (t.getName().equals(tableName) || t.getDisplayName().equals(tableName)) {
                    return read(book.getSheetAt(s), t);
                }
            }
        }
        return null;
    }

    /** The header and body rows of a sheet table (totals row left out), each cell normalized to text. */
    private static List<List<String>> read(XSSFSheet sheet, XSSFTable t) {
        CellReference from = t.getStartCellReference();
        CellReference to = t.getEndCellReference();
        List<List<String>> out = new ArrayList<>();
        List<String> header = new ArrayList<>();
        t.getColumns().forEach(c -> header.add(c.getName()));
        out.add(header);
        for (int r = from.getRow() + 1; r <= to.getRow() - t.getTotalsRowCount(); r++) {
            Row row = sheet.getRow(r);
            List<String> cells = new ArrayList<>();
            for (int c = from.getCol(); c <= to.getCol(); c++) {
                cells.add(normalize(row == null ? null : ExcelTables.cellValue(row.getCell(c))));
            }
            out.add(cells);
        }
        return out;
    }

    /** Text both sides can agree on: the same normalization `gatehouse-m check` uses. */
    private static String normalize(Object v) {
        return org.gatehouse.powerquery.impl.cli.ExcelCache.normalize(v);
    }
}
