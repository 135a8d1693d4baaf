package org.gatehouse.powerquery.impl.lib;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;

import org.gatehouse.powerquery.impl.value.*;

/**
 * Excel.Workbook and Excel.CurrentWorkbook: .xlsx/.xlsm are read by {@link XlsxTables}, .xlsb by {@link XlsbTables},
 * and Excel 97-2003 .xls here with POI's object model. Cells give their cached values: numbers, text, logicals, and
 * dates or datetimes for date-formatted numbers ({@link DateCells} says which); error cells raise when read.
 */
public final class ExcelTables {

    private ExcelTables() {
    }

    /** The first bytes of an OLE2 compound file: an Excel 97-2003 (.xls) workbook when Excel.Workbook is given one. */
    private static final byte[] OLE2_SIGNATURE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1,
            0x1A, (byte) 0xE1};

    public static boolean isLegacyXls(byte[] bytes) {
        return bytes.length >= OLE2_SIGNATURE.length
                && java.util.Arrays.equals(bytes, 0, OLE2_SIGNATURE.length, OLE2_SIGNATURE, 0, OLE2_SIGNATURE.length);
    }

    private static HSSFWorkbook openLegacy(byte[] bytes) {
        try {
            return new HSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new org.gatehouse.powerquery.MException("DataFormat.Error",
                    "The file is not an Excel 97-2003 workbook this engine can read (.xls): " + e.getMessage());
        }
    }

    /** Excel.Workbook: one row per sheet (Kind "Sheet"), table ("Table") and defined name ("DefinedName"). */
    static MTable workbook(byte[] bytes, boolean useHeaders) {
        return workbook(bytes, useHeaders, false);
    }

    /**
     * Excel.Workbook with its options; {@code inferDimensions} (InferSheetDimensions) reads a sheet's range from its
     * cells rather than its dimension metadata, which only Open XML workbooks have.
     */
    static MTable workbook(byte[] bytes, boolean useHeaders, boolean inferDimensions) {
        if (XlsbTables.isXlsb(bytes)) {
            return XlsbTables.workbook(bytes, useHeaders);
        }
        if (!isLegacyXls(bytes)) {
            return XlsxTables.workbook(bytes, useHeaders, inferDimensions);
        }
        // Power Query reads an .xls through the Access database engine, whose dates all have a time of day
        DateCells dates = DateCells.AS_DATETIME;
        List<Object[]> rows = new ArrayList<>();
        try (Workbook wb = openLegacy(bytes)) {
            for (int s = 0; s < wb.getNumberOfSheets(); s++) {
                Sheet sheet = wb.getSheetAt(s);
                MTable data = sheetTable(sheet, useHeaders, dates);
                rows.add(new Object[] {sheet.getSheetName(), data, sheet.getSheetName(), "Sheet",
                        wb.isSheetHidden(s) || wb.isSheetVeryHidden(s)});
            }
            for (Name n : wb.getAllNames()) {
                MTable range = namedRange(wb, n, dates);
                if (range != null) {
                    rows.add(new Object[] {n.getNameName(), range, n.getNameName(), "DefinedName", false});
                }
            }
        } catch (IOException e) {
            throw Errors.dataFormat(e.getMessage());
        }
        return new MTable(List.of("Name", "Data", "Item", "Kind", "Hidden"), null, rows);
    }

    /** Whether the bytes are an .xlsb (binary) workbook rather than an .xlsx/.xlsm. */
    public static boolean isBinaryWorkbook(byte[] bytes) {
        return XlsbTables.isXlsb(bytes);
    }

    /** Excel.CurrentWorkbook: tables (with their header names) and named ranges (Column1..N). */
    public static MTable currentWorkbook(byte[] bytes) {
        if (XlsbTables.isXlsb(bytes)) {
            return XlsbTables.currentWorkbook(bytes);
        }
        return XlsxTables.currentWorkbook(bytes);
    }

    private static MTable namedRange(Workbook wb, Name n, DateCells dates) {
        try {
            if (n.isFunctionName() || n.getRefersToFormula() == null) {
                return null;
            }
            AreaReference area = new AreaReference(n.getRefersToFormula(), wb.getSpreadsheetVersion());
            Sheet sheet = wb.getSheet(area.getFirstCell().getSheetName());
            if (sheet == null) {
                return null;
            }
            return range(sheet, area.getFirstCell(), area.getLastCell(), false, dates);
        } catch (RuntimeException e) {
            return null; // names that are formulas or point at other workbooks are not ranges
        }
    }

    static MTable sheetTable(Sheet sheet, boolean useHeaders, DateCells dates) {
        int firstRow = -1, lastRow = -1, firstCol = Integer.MAX_VALUE, lastCol = -1;
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.BLANK) {
                    continue;
                }
                if (firstRow < 0) {
                    firstRow = row.getRowNum();
                }
                lastRow = row.getRowNum();
                firstCol = Math.min(firstCol, cell.getColumnIndex());
                lastCol = Math.max(lastCol, cell.getColumnIndex());
            }
        }
        if (firstRow < 0) {
            return new MTable(List.of(), null, new ArrayList<>());
        }
        return range(sheet, new CellReference(firstRow, firstCol), new CellReference(lastRow, lastCol), useHeaders,
                dates);
    }

    private static MTable range(Sheet sheet, CellReference from, CellReference to, boolean useHeaders,
            DateCells dates) {
        List<Object[]> rows = new ArrayList<>();
        for (int r = from.getRow(); r <= to.getRow(); r++) {
            rows.add(rowValues(sheet.getRow(r), from.getCol(), to.getCol(), dates));
        }
        return withColumnNames(rows, to.getCol() - from.getCol() + 1, useHeaders);
    }

    /** Rows of a range named Column1..N, or by their first row (which is then left out) when {@code useHeaders}. */
    static MTable withColumnNames(List<Object[]> rows, int width, boolean useHeaders) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            names.add("Column" + (c + 1));
        }
        if (useHeaders && !rows.isEmpty()) {
            Object[] header = rows.remove(0);
            for (int i = 0; i < header.length; i++) {
                Object h = Thunk.force(header[i]);
                if (h != null && !names.subList(0, i).contains(Values.toText(h))) {
                    names.set(i, Values.toText(h));
                }
            }
        }
        return new MTable(names, null, rows);
    }

    private static Object[] rowValues(Row row, int firstCol, int lastCol, DateCells dates) {
        Object[] out = new Object[lastCol - firstCol + 1];
        if (row == null) {
            return out;
        }
        for (int c = firstCol; c <= lastCol; c++) {
            out[c - firstCol] = cellValue(row.getCell(c), dates);
        }
        return out;
    }

    /** The value Power Query sees for a cell; public so tests can read Excel's cached query tables the same way. */
    public static Object cellValue(Cell cell) {
        return cellValue(cell, DateCells.AS_DATETIME);
    }

    static Object cellValue(Cell cell, DateCells dates) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        switch (type) {
            case NUMERIC:
                if (DateUtil.isCellDateFormatted(cell)) {
                    return dates.value(cell.getLocalDateTimeCellValue(), cell.getCellStyle().getDataFormatString());
                }
                return cell.getNumericCellValue();
            case STRING:
                String s = cell.getStringCellValue();
                // A typed-in cell holding an empty shared string is the text "": a public workbook ("Raw data Student
                // Courses.xlsx") filters its sheet with [Course] <> "" and Excel's result leaves those rows out. A
                // formula's cached "" stays null, as before (no workbook has shown otherwise yet).
                return s.isEmpty() && cell.getCellType() == CellType.FORMULA ? null : s;
            case BOOLEAN:
                return cell.getBooleanCellValue();
            case ERROR:
                String code = org.apache.poi.ss.usermodel.FormulaError.forInt(cell.getErrorCellValue()).getString();
                return new Thunk(() -> {
                    throw Errors.dataFormat("Invalid cell value '" + code + "'.");
                });
            default:
                return null;
        }
    }
}
