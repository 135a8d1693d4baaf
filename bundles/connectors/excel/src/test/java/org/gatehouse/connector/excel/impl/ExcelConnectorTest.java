package org.gatehouse.connector.excel.impl;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gatehouse.api.Column;
import org.gatehouse.api.ColumnType;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.ConnectorException.Reason;
import org.gatehouse.api.Credentials;
import org.gatehouse.connector.file.impl.AllowedFiles;
import org.gatehouse.api.DataSourceSettings;
import org.gatehouse.api.Query;
import org.gatehouse.api.RowSource;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ExcelConnectorTest {

    private static final String SECTION = "section Section1;\r\n"
            + "shared #\"Sorted Sales\" = let\r\n"
            + "    Source = Excel.CurrentWorkbook(){[Name=\"Sales\"]}[Content],\r\n"
            + "    Typed = Table.TransformColumnTypes(Source, {{\"Amount\", type number}}),\r\n"
            + "    Sorted = Table.Sort(Typed, {{\"Amount\", Order.Descending}})\r\nin\r\n    Sorted;\r\n"
            + "shared Inputs = Csv.Document(File.Contents(\"C:\\Users\\me\\Desktop\\inputs.csv\"), [Delimiter=\",\"]);\r\n"
            + "shared Broken = error Error.Record(\"DataFormat.Error\", \"The amount was not a number\");\r\n"
            + "shared Online = Web.Contents(\"https://example.org/data.json\");\r\n"
            + "shared Listing = Table.SelectColumns(Folder.Files(\"C:\\Users\\me\\Desktop\"), {\"Name\", \"Folder Path\"});\r\n"
            + "shared Contents = Table.AddColumn(Table.SelectColumns(Folder.Contents(\"C:\\Users\\me\\Desktop\"),"
            + " {\"Name\", \"Folder Path\", \"Content\"}), \"Inside\", each if [Content] is table"
            + " then Text.Combine([Content][Name], \",\") else Text.From(Binary.Length([Content])), type text);\r\n";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path root;
    private Path outside;
    private ExcelConnector connector;

    @Before
    public void setUp() throws IOException {
        root = tmp.newFolder("root").toPath();
        outside = tmp.newFolder("outside").toPath();
        Files.write(root.resolve("book.xlsx"), Workbooks.withPowerQuery(SECTION, "Sorted Sales", "Inputs", "Broken",
                "Online", "Listing", "Contents"));
        Files.write(root.resolve("plain.xlsx"), Workbooks.plain());
        Files.createDirectories(root.resolve("inputs"));
        Files.writeString(root.resolve("inputs/inputs.csv"), "x,y\r\n1,2\r\n3,4\r\n", StandardCharsets.UTF_8);
        Files.writeString(outside.resolve("inputs.csv"), "secret,data\r\n", StandardCharsets.UTF_8);
        connector = new ExcelConnector(new AllowedFiles(root.toString()));
    }

    private static DataSourceSettings source(String workbook, String pathMap) {
        Map<String, String> p = new HashMap<>();
        p.put("workbook", workbook);
        if (pathMap != null) {
            p.put("pathMap", pathMap);
        }
        return new DataSourceSettings("sales-book", "excel-workbook", p);
    }

    private List<Object[]> rows(DataSourceSettings settings, String text, List<Column> expectedColumns)
            throws ConnectorException {
        try (RowSource rows = connector.open(settings, Credentials.anonymous(), new Query("q1", text))) {
            if (expectedColumns != null) {
                assertEquals(expectedColumns, rows.schema().columns());
            }
            List<Object[]> out = new ArrayList<>();
            Object[] row = new Object[rows.schema().size()];
            while (rows.next(row)) {
                out.add(row.clone());
            }
            return out;
        }
    }

    private ConnectorException failure(DataSourceSettings settings, String text) {
        try (RowSource rows = connector.open(settings, Credentials.anonymous(), new Query("q1", text))) {
            fail("opened " + text);
            return null;
        } catch (ConnectorException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("data source sales-book, query q1: "));
            return e;
        }
    }

    @Test
    public void refreshesAPowerQueryQuery() throws ConnectorException {
        List<Object[]> rows = rows(source(root.resolve("book.xlsx").toString(), null), "Sorted Sales",
                List.of(new Column("Name", ColumnType.STRING), new Column("Amount", ColumnType.DOUBLE)));
        assertEquals(3, rows.size());
        assertArrayEquals(new Object[] {"c", 4.0}, rows.get(0));
        assertArrayEquals(new Object[] {"b", 2.5}, rows.get(1));
        assertArrayEquals(new Object[] {"a", 1.0}, rows.get(2));
    }

    @Test
    public void pathMapTurnsTheAuthorsFoldersIntoLocalOnes() throws ConnectorException {
        String map = "D:\\elsewhere=/nowhere; C:\\Users\\me\\Desktop=" + root.resolve("inputs");
        List<Object[]> rows = rows(source(root.resolve("book.xlsx").toString(), map), "Inputs", null);
        assertEquals(3, rows.size());
        assertEquals("x", rows.get(0)[0]);
        assertEquals("4", String.valueOf(rows.get(2)[1]));
    }

    @Test
    public void folderFilesListsMappedFoldersUnderTheRoots() throws IOException, ConnectorException {
        Files.createDirectories(root.resolve("inputs/2024"));
        Files.writeString(root.resolve("inputs/2024/jan.csv"), "x\r\n1\r\n");
        String map = "C:\\Users\\me\\Desktop=" + root.resolve("inputs");
        List<Object[]> rows = rows(source(root.resolve("book.xlsx").toString(), map), "Listing", null);
        assertEquals(2, rows.size());
        assertArrayEquals(new Object[] {"jan.csv", "C:\\Users\\me\\Desktop\\2024\\"}, rows.get(0));
        assertArrayEquals(new Object[] {"inputs.csv", "C:\\Users\\me\\Desktop\\"}, rows.get(1));
    }

    @Test
    public void folderContentsListsFilesAndSubfoldersUnderTheRoots() throws IOException, ConnectorException {
        Files.createDirectories(root.resolve("inputs/2024"));
        Files.writeString(root.resolve("inputs/2024/jan.csv"), "x\r\n1\r\n");
        Files.writeString(root.resolve("inputs/2024/Feb.csv"), "x\r\n2\r\n");
        String map = "C:\\Users\\me\\Desktop=" + root.resolve("inputs");
        List<Object[]> rows = rows(source(root.resolve("book.xlsx").toString(), map), "Contents", null);
        assertEquals(2, rows.size());
        assertArrayEquals(new Object[] {"2024", "C:\\Users\\me\\Desktop\\", "Feb.csv,jan.csv"},
                new Object[] {rows.get(0)[0], rows.get(0)[1], rows.get(0)[3]});
        assertArrayEquals(new Object[] {"inputs.csv", "C:\\Users\\me\\Desktop\\", "15"},
                new Object[] {rows.get(1)[0], rows.get(1)[1], rows.get(1)[3]});
    }

    @Test
    public void folderContentsRefusesASubfolderLinkingOut() throws IOException {
        try {
            Files.createSymbolicLink(root.resolve("inputs/escape"), outside);
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.Assume.assumeNoException(e);
        }
        ConnectorException e = failure(source(root.resolve("book.xlsx").toString(),
                "C:\\Users\\me\\Desktop=" + root.resolve("inputs")), "Contents");
        assertEquals(Reason.QUERY_FAILED, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("symbolic link"));
    }

    @Test
    public void folderFilesRefusesAListingWithALinkOut() throws IOException {
        try {
            Files.createSymbolicLink(root.resolve("inputs/escape.csv"), outside.resolve("inputs.csv"));
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.Assume.assumeNoException(e);
        }
        ConnectorException e = failure(source(root.resolve("book.xlsx").toString(),
                "C:\\Users\\me\\Desktop=" + root.resolve("inputs")), "Listing");
        assertEquals(Reason.QUERY_FAILED, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("symbolic link"));
    }

    @Test
    public void theFileConnectorsRootsApplyAsTheyChange() throws ConnectorException {
        connector = new ExcelConnector();
        AllowedFiles rootOnly = new AllowedFiles(root.toString());
        connector.setFiles(rootOnly);
        assertEquals(3, rows(source(root.resolve("book.xlsx").toString(), null), "Sorted Sales", null).size());
        connector.setFiles(new AllowedFiles(outside.toString()));
        assertEquals(Reason.INVALID_SETTINGS,
                failure(source(root.resolve("book.xlsx").toString(), null), "Sorted Sales").reason());
    }

    @Test
    public void withoutTheFileConnectorNothingIsReadAndTheErrorSaysWhatToInstall() {
        connector = new ExcelConnector();
        AllowedFiles files = new AllowedFiles(root.toString());
        connector.setFiles(files);
        connector.unsetFiles(files);
        ConnectorException e = failure(source(root.resolve("book.xlsx").toString(), null), "Sorted Sales");
        assertEquals(Reason.UNSUPPORTED, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("feature:install gatehouse-connector-file"));
    }

    @Test
    public void declaredTypesBecomeColumnTypes() throws IOException, ConnectorException {
        Files.write(root.resolve("typed.xlsx"), Workbooks.withPowerQuery("section Section1;\r\n"
                + "shared Totals = Table.TransformColumnTypes(#table({\"id\", \"amount\", \"day\"}, "
                + "{{2, 20, \"2024-02-01\"}, {1, 10.5, \"2024-01-31\"}}), "
                + "{{\"id\", Int64.Type}, {\"amount\", type number}, {\"day\", type date}});\r\n", "Totals"));
        List<Object[]> rows = rows(source(root.resolve("typed.xlsx").toString(), null), "Totals",
                List.of(new Column("id", ColumnType.LONG), new Column("amount", ColumnType.DOUBLE),
                        new Column("day", ColumnType.DATE)));
        assertArrayEquals(new Object[] {2L, 20.0, java.time.LocalDate.of(2024, 2, 1)}, rows.get(0));
        assertArrayEquals(new Object[] {1L, 10.5, java.time.LocalDate.of(2024, 1, 31)}, rows.get(1));
    }

    @Test
    public void aCellWhoseValueIsAnErrorIsReadAsNullAndReportedAsAWarning() throws IOException, ConnectorException {
        Files.write(root.resolve("errors.xlsx"), Workbooks.withPowerQuery("section Section1;\r\n"
                + "shared Amounts = Table.TransformColumnTypes(#table({\"amount\"}, {{\"10\"}, {\"ten\"}}),"
                + " {{\"amount\", type number}});\r\n", "Amounts"));
        try (RowSource rows = connector.open(source(root.resolve("errors.xlsx").toString(), null),
                Credentials.anonymous(), new Query("q1", "Amounts"))) {
            Object[] row = new Object[1];
            assertTrue(rows.next(row));
            assertArrayEquals(new Object[] {10.0}, row);
            assertTrue(rows.next(row));
            assertArrayEquals(new Object[] {null}, row);
            assertFalse(rows.next(row));
            assertEquals(1, rows.warnings().size());
            String warning = rows.warnings().get(0);
            assertTrue(warning, warning.startsWith("data source sales-book, query q1: 1 cell's value is an error"));
            assertTrue(warning, warning.contains("row 2, column amount: DataFormat.Error"));
        }
    }

    @Test
    public void unmappedWindowsPathIsRefused() {
        ConnectorException e = failure(source(root.resolve("book.xlsx").toString(), null), "Inputs");
        assertEquals(Reason.QUERY_FAILED, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("Access refused"));
        assertTrue(e.getMessage(), e.getMessage().contains("C:\\Users\\me\\Desktop\\inputs.csv"));
    }

    @Test
    public void pathMapCannotLeadOutOfTheAllowedRoots() {
        ConnectorException e = failure(source(root.resolve("book.xlsx").toString(),
                "C:\\Users\\me\\Desktop=" + outside), "Inputs");
        assertEquals(Reason.QUERY_FAILED, e.reason());
        // refused on the path's text, before the file is looked at
        assertTrue(e.getMessage(), e.getMessage().contains("' is outside the folders this gateway may read"));
        assertFalse(e.getMessage(), e.getMessage().contains("secret"));
    }

    @Test
    public void symbolicLinkOutOfTheRootsIsRefused() throws IOException {
        Path link = root.resolve("linked");
        try {
            Files.createSymbolicLink(link, outside);
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.Assume.assumeNoException(e);
        }
        ConnectorException e = failure(source(root.resolve("book.xlsx").toString(),
                "C:\\Users\\me\\Desktop=" + link), "Inputs");
        assertTrue(e.getMessage(), e.getMessage().contains("symbolic link"));
    }

    @Test
    public void workbookOutsideTheRootsIsRefused() throws IOException {
        Files.copy(root.resolve("book.xlsx"), outside.resolve("book.xlsx"));
        ConnectorException e = failure(source(outside.resolve("book.xlsx").toString(), null), "Sorted Sales");
        assertEquals(Reason.INVALID_SETTINGS, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("outside the folders"));
        e = failure(source(root.resolve("../outside/book.xlsx").toString(), null), "Sorted Sales");
        assertTrue(e.getMessage(), e.getMessage().contains("'..' is not allowed"));
    }

    @Test
    public void noAllowedRootsRefusesEverything() {
        connector = new ExcelConnector(new AllowedFiles());
        ConnectorException e = failure(source(root.resolve("book.xlsx").toString(), null), "Sorted Sales");
        assertEquals(Reason.INVALID_SETTINGS, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("no allowed roots"));
        try {
            connector.test(source(root.resolve("book.xlsx").toString(), null), Credentials.anonymous());
            fail();
        } catch (ConnectorException t) {
            assertEquals(Reason.INVALID_SETTINGS, t.reason());
        }
    }

    @Test
    public void testChecksTheWorkbook() throws ConnectorException {
        connector.test(source(root.resolve("book.xlsx").toString(), null), Credentials.anonymous());
        try {
            connector.test(source(root.resolve("missing.xlsx").toString(), null), Credentials.anonymous());
            fail();
        } catch (ConnectorException e) {
            assertEquals(Reason.SOURCE_UNREACHABLE, e.reason());
        }
        try {
            connector.test(source(root.resolve("book.xlsx").toString(), "no-equals-sign"), Credentials.anonymous());
            fail();
        } catch (ConnectorException e) {
            assertEquals(Reason.INVALID_SETTINGS, e.reason());
            assertTrue(e.getMessage(), e.getMessage().contains("pathMap"));
        }
    }

    @Test
    public void notAWorkbookIsUnsupported() throws IOException {
        Files.writeString(root.resolve("data.csv"), "a,b\n");
        assertEquals(Reason.UNSUPPORTED, failure(source(root.resolve("data.csv").toString(), null), "x").reason());
    }

    @Test
    public void unknownQueryListsTheWorkbooksQueries() {
        ConnectorException e = failure(source(root.resolve("book.xlsx").toString(), null), "Revenue");
        assertEquals(Reason.QUERY_FAILED, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("no Power Query query 'Revenue'"));
        assertTrue(e.getMessage(), e.getMessage().contains("Sorted Sales, Inputs, Broken, Online, Listing"));
    }

    @Test
    public void mErrorBecomesQueryFailedNamingSourceQueryReasonAndMessage() {
        ConnectorException e = failure(source(root.resolve("book.xlsx").toString(), null), "Broken");
        assertEquals(Reason.QUERY_FAILED, e.reason());
        assertEquals("data source sales-book, query q1: Power Query query 'Broken' failed with M error "
                + "DataFormat.Error: The amount was not a number", e.getMessage());
    }

    @Test
    public void webSourcesNeedTheGatewaysDataSourceLookup() {
        ConnectorException e = failure(source(root.resolve("book.xlsx").toString(), null), "Online");
        assertEquals(Reason.QUERY_FAILED, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("M error DataSource.Error: The gateway's data sources are "
                + "not available to workbooks now"));
    }

    @Test
    public void workbookWithoutPowerQuery() throws ConnectorException {
        DataSourceSettings plain = source(root.resolve("plain.xlsx").toString(), null);
        ConnectorException e = failure(plain, "Sorted Sales");
        assertEquals(Reason.QUERY_FAILED, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("has no Power Query queries"));
        assertTrue(e.getMessage(), e.getMessage().contains("'sheet:Name'"));

        List<Object[]> sheet = rows(plain, "sheet:Data", null);
        assertEquals(3, sheet.size());
        assertEquals("a", sheet.get(0)[0]);
        assertEquals(2.5, ((Number) sheet.get(1)[1]).doubleValue(), 0);

        List<Object[]> table = rows(plain, "table:Sales", null);
        assertEquals(Arrays.asList("c", 4.0), Arrays.asList(table.get(2)));

        e = failure(plain, "sheet:Missing");
        assertEquals(Reason.QUERY_FAILED, e.reason());
        assertTrue(e.getMessage(), e.getMessage().contains("no sheet 'Missing'; its sheets are: Data, Notes"));
        e = failure(plain, "table:Nope");
        assertTrue(e.getMessage(), e.getMessage().contains("its tables are: Sales"));
    }

    @Test
    public void aSheetIsItsCellsNotTheFormattedRangeAroundThem() throws IOException, ConnectorException {
        Files.write(root.resolve("formatted.xlsx"), Workbooks.plainWithFormattedEmptyCell());
        DataSourceSettings formatted = source(root.resolve("formatted.xlsx").toString(), null);
        List<Object[]> sheet = rows(formatted, "sheet:Data", null);
        assertEquals(3, sheet.size());
        assertEquals(Arrays.asList("c", 4.0), Arrays.asList(sheet.get(2)));
    }

    @Test
    public void anXlsWorkbookHasNoPowerQueryButItsSheetsRead() throws IOException, ConnectorException {
        Files.write(root.resolve("old.xls"), Workbooks.plainXls());
        DataSourceSettings old = source(root.resolve("old.xls").toString(), null);
        connector.test(old, Credentials.anonymous());
        ConnectorException e = failure(old, "Sorted Sales");
        assertTrue(e.getMessage(), e.getMessage().contains("has no Power Query queries"));
        List<Object[]> sheet = rows(old, "sheet:Data", null);
        assertEquals(3, sheet.size());
        assertEquals(Arrays.asList("c", 4.0), Arrays.asList(sheet.get(2)));
    }

    @Test
    public void cancelStopsBetweenRows() throws ConnectorException {
        try (RowSource rows = connector.open(source(root.resolve("book.xlsx").toString(), null),
                Credentials.anonymous(), new Query("q1", "Sorted Sales"))) {
            Object[] row = new Object[2];
            assertTrue(rows.next(row));
            rows.cancel();
            try {
                rows.next(row);
                fail("read after cancel");
            } catch (ConnectorException e) {
                assertEquals(Reason.CANCELLED, e.reason());
                assertTrue(e.getMessage(), e.getMessage().startsWith("data source sales-book, query q1: "));
            }
        }
    }
}
