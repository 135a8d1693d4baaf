package org.gatehouse.powerquery.impl.lib;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gatehouse.powerquery.impl.value.MTable;
import org.gatehouse.powerquery.impl.value.Thunk;
import org.junit.Test;

/**
 * Excel.CurrentWorkbook lists a name scoped to one sheet as "Sheet!Name", quoting the sheet only where Excel does
 * (seen in a public dashboard workbook reading "'R&D'!RandD", "CS!CS" and "S&M!SandM").
 */
public class SheetScopedNamesTest {

    private static byte[] workbook() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String sheetName : new String[] {"R&D", "S&M", "CS"}) {
                XSSFSheet sheet = wb.createSheet(sheetName);
                sheet.createRow(0).createCell(0).setCellValue("in " + sheetName);
            }
            scoped(wb, "RandD", 0, "'R&D'!$A$1");
            scoped(wb, "SandM", 1, "'S&M'!$A$1");
            scoped(wb, "CS", 2, "CS!$A$1");
            Name global = wb.createName();
            global.setNameName("Everything");
            global.setRefersToFormula("CS!$A$1");
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static void scoped(XSSFWorkbook wb, String name, int sheet, String ref) {
        Name n = wb.createName();
        n.setNameName(name);
        n.setSheetIndex(sheet);
        n.setRefersToFormula(ref);
    }

    @Test
    public void sheetScopedNamesCarryTheirSheet() throws IOException {
        MTable names = ExcelTables.currentWorkbook(workbook());
        List<String> listed = new ArrayList<>();
        for (Object[] row : names.rows()) {
            listed.add((String) Thunk.force(row[0]));
        }
        assertEquals(List.of("'R&D'!RandD", "S&M!SandM", "CS!CS", "Everything"), listed);
    }

    @Test
    public void sheetIsQuotedWhenItReadsAsAReferenceOrHasOtherCharacters() {
        assertEquals("Data!X", ScopedNames.currentWorkbookName("Data", "X"));
        assertEquals("'R&D_Budget'!X", ScopedNames.currentWorkbookName("R&D_Budget", "X"));
        assertEquals("G&A_Budget!X", ScopedNames.currentWorkbookName("G&A_Budget", "X"));
        assertEquals("'My Sheet'!X", ScopedNames.currentWorkbookName("My Sheet", "X"));
        assertEquals("'B12'!X", ScopedNames.currentWorkbookName("B12", "X"));
        assertEquals("'2024'!X", ScopedNames.currentWorkbookName("2024", "X"));
        assertEquals("Results!X", ScopedNames.currentWorkbookName("Results", "X"));
        assertEquals("X", ScopedNames.currentWorkbookName(null, "X"));
    }
}
