package org.gatehouse.powerquery;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gatehouse.api.ColumnType;
import org.junit.Test;

/**
 * Workbooks built here with POI, with a DataMashup part assembled per [MS-QDEFF]: covers the reader, Excel.Workbook,
 * Excel.CurrentWorkbook and the refresh facade without the shared test data.
 */
public class GeneratedWorkbookTest {

    public static byte[] sheetWorkbook() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet("Data");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Object[][] rows = {{"Name", "Amount", "When"}, {"b", 2.5, LocalDate.of(2024, 1, 2)}, {"a", 1.0, LocalDate.of(2024, 1, 1)}};
            for (int r = 0; r < rows.length; r++) {
                XSSFRow row = sheet.createRow(r);
                for (int c = 0; c < 3; c++) {
                    Object v = rows[r][c];
                    if (v instanceof String s) {
                        row.createCell(c).setCellValue(s);
                    } else if (v instanceof Double d) {
                        row.createCell(c).setCellValue(d);
                    } else {
                        row.createCell(c).setCellValue((LocalDate) v);
                        row.getCell(c).setCellStyle(date);
                    }
                }
            }
            XSSFTable table = sheet.createTable(new AreaReference(new CellReference(0, 0), new CellReference(2, 2),
                    wb.getSpreadsheetVersion()));
            table.setName("Sales");
            table.setDisplayName("Sales");
            wb.write(out);
            return out.toByteArray();
        }
    }

    public static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
        }
        return bytes.toByteArray();
    }

    static byte[] le(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    /** version, package parts zip, permissions, metadata (version, XML, empty content), empty bindings. */
    public static byte[] mashupStream(String section, String metadataXml) throws IOException {
        ByteArrayOutputStream metadata = new ByteArrayOutputStream();
        byte[] xml = metadataXml.getBytes(StandardCharsets.UTF_8);
        metadata.write(le(0));
        metadata.write(le(xml.length));
        metadata.write(xml);
        metadata.write(le(0));
        byte[] parts = zip("Formulas/Section1.m", section.getBytes(StandardCharsets.UTF_8));
        byte[] permissions = "<PermissionList/>".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(le(0));
        out.write(le(parts.length));
        out.write(parts);
        out.write(le(permissions.length));
        out.write(permissions);
        out.write(le(metadata.size()));
        out.write(metadata.toByteArray());
        out.write(le(0));
        return out.toByteArray();
    }

    /** Copies a workbook adding customXml/item1.xml (UTF-16LE with BOM, as Excel writes) and its itemProps. */
    public static byte[] withMashup(byte[] workbook, byte[] stream) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(in.readAllBytes());
            }
            String item = "<?xml version=\"1.0\" encoding=\"utf-16\"?><DataMashup xmlns=\"http://schemas.microsoft.com/DataMashup\">"
                    + Base64.getEncoder().encodeToString(stream) + "</DataMashup>";
            out.putNextEntry(new ZipEntry("customXml/item1.xml"));
            out.write(new byte[] {(byte) 0xff, (byte) 0xfe});
            out.write(item.getBytes(StandardCharsets.UTF_16LE));
            out.putNextEntry(new ZipEntry("customXml/itemProps1.xml"));
            out.write(("<ds:datastoreItem xmlns:ds=\"http://schemas.openxmlformats.org/officeDocument/2006/customXml\">"
                    + "<ds:schemaRefs><ds:schemaRef ds:uri=\"http://schemas.microsoft.com/DataMashup\"/></ds:schemaRefs>"
                    + "</ds:datastoreItem>").getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    public static String metadata(String query, boolean loaded) {
        return "<LocalPackageMetadataFile><Items><Item><ItemLocation><ItemType>Formula</ItemType><ItemPath>Section1/"
                + query.replace(" ", "%20") + "</ItemPath></ItemLocation><StableEntries>"
                + "<Entry Type=\"FillEnabled\" Value=\"l" + (loaded ? 1 : 0) + "\"/>"
                + "<Entry Type=\"FillTarget\" Value=\"s" + query.replace(" ", "_") + "\"/>"
                + "<Entry Type=\"FillColumnNames\" Value=\"s[&quot;Name&quot;,&quot;Amount&quot;]\"/>"
                + "<Entry Type=\"ResultType\" Value=\"sTable\"/><Entry Type=\"FillCount\" Value=\"l2\"/>"
                + "</StableEntries></Item></Items></LocalPackageMetadataFile>";
    }

    @Test
    public void readsMashupAndRefreshesFromTheCurrentWorkbook() throws IOException {
        String section = "section Section1;\r\n\r\nshared #\"Sorted Sales\" = let\r\n"
                + "    Source = Excel.CurrentWorkbook(){[Name=\"Sales\"]}[Content],\r\n"
                + "    Typed = Table.TransformColumnTypes(Source, {{\"Amount\", type number}, {\"When\", type date}}),\r\n"
                + "    Sorted = Table.Sort(Typed, {{\"Name\", Order.Ascending}})\r\nin\r\n    Sorted;\r\n"
                + "shared Helper = 1;";
        byte[] wb = withMashup(sheetWorkbook(), mashupStream(section, metadata("Sorted Sales", true)));
        WorkbookMashup m = PowerQuery.readMashup(wb).orElseThrow();
        assertTrue(m.sectionDocument().startsWith("section Section1;"));
        MashupQuery q = m.queries().get(0);
        assertEquals("Sorted Sales", q.name());
        assertTrue(q.loadedToSheet());
        assertEquals("Sorted_Sales", q.fillTarget());
        assertEquals(List.of("Name", "Amount"), q.fillColumnNames());
        assertEquals(Long.valueOf(2), q.fillCount());

        List<QueryResult> results = PowerQuery.refresh(wb, new LocalFileAccess().currentWorkbook(wb));
        assertEquals(1, results.size());
        QueryResult r = results.get(0);
        assertEquals(List.of("Name", "Amount", "When"), r.columnNames());
        assertEquals(List.of(ColumnType.STRING, ColumnType.DOUBLE, ColumnType.DATE),
                r.columns().stream().map(c -> c.type()).toList());
        assertEquals(List.of("a", 1.0, LocalDate.of(2024, 1, 1)), r.rows().get(0));
        assertEquals(List.of("b", 2.5, LocalDate.of(2024, 1, 2)), r.rows().get(1));
    }

    @Test
    public void excelWorkbookSheetsAndTables() throws IOException {
        byte[] data = sheetWorkbook();
        DataAccess access = path -> {
            assertEquals("C:\\data\\book.xlsx", path);
            return data;
        };
        String doc = "section S; shared Q = let Source = Excel.Workbook(File.Contents(\"C:\\data\\book.xlsx\"), null, true),"
                + " Sheet = Source{[Item=\"Data\",Kind=\"Sheet\"]}[Data], Promoted = Table.PromoteHeaders(Sheet),"
                + " T = Source{[Item=\"Sales\",Kind=\"Table\"]}[Data] in [s = Table.RowCount(Promoted), t = Table.ColumnNames(T)];"
                + " shared R = Table.FromRecords({Q});";
        QueryResult r = PowerQuery.evaluate(doc, "R", access);
        assertFalse(String.valueOf(r.error()), r.failed());
        assertEquals(2.0, r.rows().get(0).get(0));
    }

    @Test
    public void workbookWithoutMashupAndCorruptInput() throws IOException {
        assertFalse(PowerQuery.readMashup(sheetWorkbook()).isPresent());
        try {
            PowerQuery.readMashup("not a zip".getBytes(StandardCharsets.UTF_8));
            fail();
        } catch (MException e) {
            assertEquals("DataFormat.Error", e.reason());
        }
        byte[] truncated = withMashup(sheetWorkbook(), new byte[] {0, 0, 0, 0, 100, 0, 0, 0});
        try {
            PowerQuery.readMashup(truncated);
            fail();
        } catch (MException e) {
            assertTrue(e.getMessage().contains("Corrupt workbook"));
        }
    }

    @Test
    public void pbixHoldsTheStreamRaw() throws IOException {
        byte[] pbix = zip("DataMashup", mashupStream("section Section1; shared Q = 42;", metadata("Q", true)));
        WorkbookMashup m = PowerQuery.readMashup(pbix).orElseThrow();
        assertEquals(List.of(List.of(42.0)), PowerQuery.refresh(pbix, new LocalFileAccess()).get(0).rows());
        assertEquals("Q", m.queries().get(0).name());
    }

    @Test
    public void remapsWindowsPaths() {
        LocalFileAccess a = new LocalFileAccess().map("C:\\Users\\x\\Desktop", "/data");
        assertEquals(java.nio.file.Path.of("/data/sub/f.csv"), a.resolve("c:\\users\\X\\Desktop\\sub\\f.csv"));
        assertEquals(java.nio.file.Path.of("/other"), a.resolve("/other"));
    }
}
