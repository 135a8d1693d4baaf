package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.same;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.Test;

/**
 * Excel.Workbook takes a sheet's range from the sheet's dimension metadata, as Microsoft's reference says of its
 * InferSheetDimensions option ("rather than by reading the dimensions metadata from the file", default false): a
 * formatted empty cell beyond the data widens the table with empty rows and columns, as users of Power Query see; a
 * sheet whose writer put a wrong dimension gives only that range unless InferSheetDimensions is set.
 */
public class SheetDimensionTest {

    /** A workbook whose one sheet is the XML given: values in A1:B2, the dimension as given, a styled blank at D5. */
    private static String workbook(String dimension) throws IOException {
        byte[] bytes;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Data").createRow(0).createCell(0).setCellValue("placeholder");
            wb.write(out);
            bytes = out.toByteArray();
        }
        String sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + (dimension == null ? "" : "<dimension ref=\"" + dimension + "\"/>")
                + "<sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Name</t></is></c>"
                + "<c r=\"B1\" t=\"inlineStr\"><is><t>Qty</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>bolt</t></is></c><c r=\"B2\"><v>3</v></c></row>"
                + "<row r=\"5\"><c r=\"D5\" s=\"0\"/></row>"
                + "</sheetData></worksheet>";
        byte[] replaced = XlsxTablesTest.replaceEntry(bytes, "xl/worksheets/sheet1.xml",
                sheet.getBytes(StandardCharsets.UTF_8));
        return "Binary.FromText(\"" + Base64.getEncoder().encodeToString(replaced) + "\")";
    }

    @Test
    public void theDimensionGivesTheRangeWithItsEmptyRowsAndColumns() throws IOException {
        same("#table({\"Name\", \"Qty\", \"Column3\", \"Column4\"}, {{\"bolt\", 3, null, null}, {null, null, null, null},"
                + " {null, null, null, null}, {null, null, null, null}})",
                "Excel.Workbook(" + workbook("A1:D5") + ", true){[Item=\"Data\", Kind=\"Sheet\"]}[Data]");
    }

    @Test
    public void inferSheetDimensionsReadsTheRangeFromTheCells() throws IOException {
        same("#table({\"Name\", \"Qty\"}, {{\"bolt\", 3}})",
                "Excel.Workbook(" + workbook("A1:D5") + ", [UseHeaders = true, InferSheetDimensions = true])"
                        + "{[Item=\"Data\", Kind=\"Sheet\"]}[Data]");
    }

    @Test
    public void aWrongDimensionIsTakenAsItIs() throws IOException {
        same("#table({\"Column1\"}, {{\"Name\"}})",
                "Excel.Workbook(" + workbook("A1") + "){[Item=\"Data\", Kind=\"Sheet\"]}[Data]");
        same("#table({\"Column1\", \"Column2\"}, {{\"Name\", \"Qty\"}, {\"bolt\", 3}})",
                "Excel.Workbook(" + workbook("A1") + ", [InferSheetDimensions = true]){[Item=\"Data\", Kind=\"Sheet\"]}[Data]");
    }

    /**
     * A sheet without dimension metadata (Google Sheets writes none) spans every cell it lists, blank styled ones too:
     * a public workbook's query removes Column10..Column13 of such a sheet, whose values end in column I and whose only
     * cell beyond is a blank styled M33. Inferring the dimensions still reads only the values.
     */
    @Test
    public void withoutADimensionEveryListedCellTellsTheRange() throws IOException {
        same("#table({\"Name\", \"Qty\", \"Column3\", \"Column4\"}, {{\"bolt\", 3, null, null}, {null, null, null, null},"
                + " {null, null, null, null}, {null, null, null, null}})",
                "Excel.Workbook(" + workbook(null) + ", [UseHeaders = true]){[Item=\"Data\", Kind=\"Sheet\"]}[Data]");
        same("#table({\"Name\", \"Qty\"}, {{\"bolt\", 3}})",
                "Excel.Workbook(" + workbook(null) + ", [UseHeaders = true, InferSheetDimensions = true])"
                        + "{[Item=\"Data\", Kind=\"Sheet\"]}[Data]");
    }
}
