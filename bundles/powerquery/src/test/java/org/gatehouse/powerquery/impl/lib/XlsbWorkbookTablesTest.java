package org.gatehouse.powerquery.impl.lib;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.Test;

import org.gatehouse.powerquery.impl.value.MTable;

/**
 * Excel.Workbook and Excel.CurrentWorkbook over a hand-built .xlsb with two tables: one with a header and a totals
 * row, one without a header row. Sheet "Data" (zero-based rows and columns):
 * <pre>
 *   row 1:   B "Item"   C "Amount"     (header of Sales)
 *   row 2:   B "Apple"  C 1.5
 *   row 3:   B "Pear"   C 2
 *   row 4:   B "Total"  C 3.5          (totals row of Sales)
 *   row 6:   A 10                      (Bare, no header row)
 *   row 7:   A 20
 * </pre>
 */
public class XlsbWorkbookTablesTest {

    private static final byte[] WORKBOOK = XlsbFixtures.workbook(sheet(),
            XlsbFixtures.tablePart("Sales", "Sales", 1, 1, 4, 2, true, true, "Item", "Amount"),
            XlsbFixtures.tablePart("Bare", "Bare", 6, 0, 7, 0, false, false, "Value"));

    private static byte[] sheet() {
        XlsbFixtures.Records records = new XlsbFixtures.Records();
        Object[][] rows = {{1, "Item", "Amount"}, {2, "Apple", 1.5}, {3, "Pear", 2.0}, {4, "Total", 3.5}};
        for (Object[] row : rows) {
            records.add(XlsbFixtures.BRT_ROW_HDR, new XlsbFixtures.Body().ints((int) row[0], 0, 0, 0));
            records.add(XlsbFixtures.BRT_CELL_ST, XlsbFixtures.cell(1).text((String) row[1]));
            if (row[2] instanceof String text) {
                records.add(XlsbFixtures.BRT_CELL_ST, XlsbFixtures.cell(2).text(text));
            } else {
                records.add(XlsbFixtures.BRT_CELL_REAL, XlsbFixtures.cell(2).number((double) row[2]));
            }
        }
        for (int r = 6; r <= 7; r++) {
            records.add(XlsbFixtures.BRT_ROW_HDR, new XlsbFixtures.Body().ints(r, 0, 0, 0));
            records.add(XlsbFixtures.BRT_CELL_REAL, XlsbFixtures.cell(0).number(r == 6 ? 10 : 20));
        }
        // the sheet lists its tables last (BrtListPart per table part), as Excel writes them
        return records.add(XlsbFixtures.BRT_LIST_PART, new XlsbFixtures.Body().text("rId1"))
                .add(XlsbFixtures.BRT_LIST_PART, new XlsbFixtures.Body().text("rId2")).bytes();
    }

    private static List<List<Object>> rows(MTable table) {
        List<List<Object>> rows = new ArrayList<>();
        for (Object[] row : table.rows()) {
            rows.add(Arrays.asList(row));
        }
        return rows;
    }

    @Test
    public void theWorkbookIsReadAsXlsb() {
        assertEquals(true, XlsbTables.isXlsb(WORKBOOK));
    }

    @Test
    public void workbookListsTheSheetThenItsTables() {
        MTable book = ExcelTables.workbook(WORKBOOK, false);
        List<String> listed = new ArrayList<>();
        for (Object[] row : book.rows()) {
            listed.add(row[0] + "/" + row[3]);
        }
        assertEquals(List.of("Data/Sheet", "Sales/Table", "Bare/Table"), listed);
    }

    @Test
    public void aTablesDataLiesBetweenItsHeaderAndItsTotalsRow() {
        MTable sales = (MTable) ExcelTables.workbook(WORKBOOK, false).rows().get(1)[1];
        assertEquals(List.of("Item", "Amount"), sales.columns());
        assertEquals(List.of(List.of("Apple", 1.5), List.of("Pear", 2.0)), rows(sales));
    }

    @Test
    public void aTableWithoutAHeaderRowStillHasItsColumnNames() {
        MTable bare = (MTable) ExcelTables.workbook(WORKBOOK, false).rows().get(2)[1];
        assertEquals(List.of("Value"), bare.columns());
        assertEquals(List.of(List.of(10.0), List.of(20.0)), rows(bare));
    }

    @Test
    public void currentWorkbookListsTheTablesByName() {
        MTable current = ExcelTables.currentWorkbook(WORKBOOK);
        assertEquals(List.of("Name", "Content"), current.columns());
        assertEquals("Sales", current.rows().get(0)[0]);
        assertEquals(List.of(List.of("Apple", 1.5), List.of("Pear", 2.0)), rows((MTable) current.rows().get(0)[1]));
        assertEquals("Bare", current.rows().get(1)[0]);
        assertEquals(2, current.rows().size());
    }
}
