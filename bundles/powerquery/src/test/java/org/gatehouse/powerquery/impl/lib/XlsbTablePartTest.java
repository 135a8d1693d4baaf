package org.gatehouse.powerquery.impl.lib;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.junit.Test;

/** The binary table part reader over hand-built parts, and the column names a table's data gets. */
public class XlsbTablePartTest {

    private static XlsbTablePart.Table read(byte[] part) throws IOException {
        return XlsbTablePart.read(new ByteArrayInputStream(part));
    }

    @Test
    public void readsTheRangeTheHeaderAndTotalsRowsAndTheCaptions() throws IOException {
        XlsbTablePart.Table table = read(XlsbFixtures.tablePart("Sales", "Sales", 3, 1, 9, 3, true, true,
                "Item", "Amount", "When"));
        assertEquals(new XlsbTablePart.Table("Sales", 3, 1, 9, 3, 1, 1, List.of("Item", "Amount", "When")), table);
    }

    @Test
    public void longNamesNeedMultiByteRecordSizes() throws IOException {
        // a BrtBeginList over 127 bytes has a two-byte size; its type (343) always takes two bytes
        String name = "T".repeat(100);
        byte[] part = XlsbFixtures.tablePart(name, name, 0, 0, 1, 0, false, false, "x");
        assertArrayEquals(new byte[] {(byte) 0xd7, 0x02}, Arrays.copyOfRange(part, 0, 2));
        assertEquals(0x80, part[2] & 0x80);
        XlsbTablePart.Table table = read(part);
        assertEquals(name, table.name());
        assertEquals(0, table.headerRows());
        assertEquals(List.of("x"), table.columnCaptions());
    }

    @Test
    public void theDisplayNameIsTheTablesNameAndMissingCaptionsAreNull() throws IOException {
        XlsbTablePart.Table table = read(XlsbFixtures.tablePart("Table1_internal", "Table1", 0, 0, 2, 2, true, false,
                "A", null));
        assertEquals("Table1", table.name());
        assertEquals(Arrays.asList("A", null, null), table.columnCaptions());
    }

    @Test
    public void aPartWithoutATableHasNone() throws IOException {
        assertNull(read(new XlsbFixtures.Records().add(XlsbFixtures.BRT_END_LIST).bytes()));
    }

    @Test
    public void columnNamesFallBackToTheHeaderCellsThenToColumnN() {
        assertEquals(List.of("A", "2024", "Column3", "Column4"), XlsbTables.columnNames(
                Arrays.asList("A", null, null, "A"), new Object[] {"ignored", 2024.0, null, "A"}));
        assertEquals(List.of("Column1", "B"), XlsbTables.columnNames(Arrays.asList(null, "B"), null));
    }
}
