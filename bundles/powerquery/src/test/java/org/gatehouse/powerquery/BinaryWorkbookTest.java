package org.gatehouse.powerquery;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.Test;

/**
 * Excel.Workbook and Excel.CurrentWorkbook over a real .xlsb (the shared test data's binary.xlsb, written by Excel; skipped where absent).
 * POI cannot write .xlsb, so no generated workbook covers this.
 */
public class BinaryWorkbookTest {

    private static final Path XLSB = Path.of("../../../shared/testdata/workbooks/binary.xlsb").toAbsolutePath()
            .normalize();

    private final DataAccess access = new DataAccess() {
        @Override
        public byte[] fileContents(String path) {
            return read();
        }

        @Override
        public byte[] currentWorkbook() {
            return read();
        }

        private byte[] read() {
            try {
                return Files.readAllBytes(XLSB);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private QueryResult evaluate(String expression) {
        assumeTrue("shared test data not present at " + XLSB, Files.isRegularFile(XLSB));
        return PowerQuery.evaluate("section S; shared Q = " + expression + ";", "Q", access);
    }

    @Test
    public void listsTheSheetsTablesAndNamedRanges() {
        QueryResult r = evaluate("Table.SelectColumns(Excel.Workbook(File.Contents(\"binary.xlsb\")), "
                + "{\"Name\", \"Kind\", \"Hidden\"})");
        assertFalse(String.valueOf(r.error()), r.failed());
        assertEquals(List.of(List.of("Input", "Sheet", false), List.of("RawInput", "Table", false),
                List.of("FinalTable", "Table", false), List.of("ExternalData_1", "DefinedName", false),
                List.of("ExternalData_2", "DefinedName", false), List.of("InputText", "DefinedName", false)), r.rows());
    }

    @Test
    public void readsTextSharedStringsAndDateFormattedNumbers() {
        QueryResult r = evaluate("let d = Excel.Workbook(File.Contents(\"binary.xlsb\")){[Item=\"Input\", "
                + "Kind=\"Sheet\"]}[Data] in #table({\"label\", \"text\", \"stamp\", \"rows\"}, "
                + "{{d{0}[Column1], d{0}[Column2], DateTime.ToText(d{7}[Column3], \"yyyy-MM-dd HH:mm:ss\"), "
                + "Table.RowCount(d)}})");
        assertFalse(String.valueOf(r.error()), r.failed());
        assertEquals(List.of("InputText:", "HELLO WORLD!", "2025-06-21 22:58:13"), r.rows().get(0).subList(0, 3));
        assertEquals(8, ((Number) r.rows().get(0).get(3)).intValue());
    }

    @Test
    public void promotesHeaders() {
        QueryResult r = evaluate("Excel.Workbook(File.Contents(\"binary.xlsb\"), true){0}[Data]");
        assertFalse(String.valueOf(r.error()), r.failed());
        assertEquals(List.of("InputText:", "HELLO WORLD!", "Column3"), r.columnNames());
        assertEquals(7, r.rows().size());
    }

    @Test
    public void readsATableBetweenItsHeaderAndItsEnd() {
        QueryResult r = evaluate("Excel.Workbook(File.Contents(\"binary.xlsb\")){[Item=\"FinalTable\", Kind=\"Table\"]}"
                + "[Data]");
        assertFalse(String.valueOf(r.error()), r.failed());
        assertEquals(List.of("RawInput", "Now"), r.columnNames());
        assertEquals(1, r.rows().size());
        assertEquals("HELLO WORLD!", r.rows().get(0).get(0));
        assertTrue(r.rows().get(0).get(1) instanceof LocalDateTime); // Excel's cached refresh time, date-formatted
    }

    @Test
    public void currentWorkbookGivesTheTablesThenTheNamedRanges() {
        QueryResult r = evaluate("Table.AddColumn(Excel.CurrentWorkbook(), \"Cells\", each Table.RowCount([Content]) "
                + "* Table.ColumnCount([Content]))");
        assertFalse(String.valueOf(r.error()), r.failed());
        assertEquals(List.of("RawInput", "FinalTable", "ExternalData_1", "ExternalData_2", "InputText"),
                r.rows().stream().map(row -> row.get(0)).toList());
        assertEquals(List.of(1, 2, 2, 4, 1), r.rows().stream().map(row -> ((Number) row.get(2)).intValue()).toList());
        QueryResult input = evaluate("Excel.CurrentWorkbook(){[Name=\"InputText\"]}[Content]{0}[Column1]");
        assertEquals(List.of(List.of("HELLO WORLD!")), input.rows());
        QueryResult table = evaluate("Excel.CurrentWorkbook(){[Name=\"RawInput\"]}[Content]");
        assertEquals(List.of("RawInput"), table.columnNames());
        assertEquals(List.of(List.of("HELLO WORLD!")), table.rows());
    }
}
