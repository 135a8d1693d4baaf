package org.gatehouse.powerquery.impl.lib;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.util.LittleEndian;
import org.apache.poi.xssf.binary.XSSFBParseException;
import org.apache.poi.xssf.binary.XSSFBParser;
import org.apache.poi.xssf.binary.XSSFBSharedStringsTable;
import org.apache.poi.xssf.binary.XSSFBUtils;

import org.gatehouse.powerquery.impl.value.Errors;
import org.gatehouse.powerquery.impl.value.Thunk;

/**
 * One worksheet of an .xlsb workbook ({@code xl/worksheets/sheetN.bin}) read into the values Power Query sees, the
 * same as {@link ExcelTables#cellValue} gives for .xlsx: numbers (datetimes when date-formatted), text, logicals,
 * formulas' cached results, and error cells that raise when read; also which table parts the sheet has. Cell records per [MS-XLSB] 2.4: every cell starts
 * with its column (4 bytes) and style (3 bytes + 1 byte of flags); its value follows at offset 8.
 */
final class XlsbSheet extends XSSFBParser {

    private static final int BRT_ROW_HDR = 0;
    private static final int BRT_CELL_RK = 2;
    private static final int BRT_CELL_ERROR = 3;
    private static final int BRT_CELL_BOOL = 4;
    private static final int BRT_CELL_REAL = 5;
    private static final int BRT_CELL_ST = 6;
    private static final int BRT_CELL_ISST = 7;
    private static final int BRT_FMLA_STRING = 8;
    private static final int BRT_FMLA_NUM = 9;
    private static final int BRT_FMLA_BOOL = 10;
    private static final int BRT_FMLA_ERROR = 11;
    private static final int BRT_LIST_PART = 661;
    private static final int VALUE = 8;

    private final XlsbStyles styles;
    private final XSSFBSharedStringsTable strings;
    /** Non-blank cells by row and column; a null value is an empty text cell, which still extends the used range. */
    private final TreeMap<Integer, TreeMap<Integer, Object>> cells = new TreeMap<>();
    /** The relationship ids of the sheet's table parts, in the order the sheet lists them (BrtListPart). */
    private final List<String> tablePartIds = new ArrayList<>();
    private int row;

    private XlsbSheet(InputStream in, XlsbStyles styles, XSSFBSharedStringsTable strings) {
        super(in);
        this.styles = styles;
        this.strings = strings;
    }

    static XlsbSheet read(InputStream in, XlsbStyles styles, XSSFBSharedStringsTable strings)
            throws java.io.IOException {
        XlsbSheet sheet = new XlsbSheet(in, styles, strings);
        sheet.parse();
        return sheet;
    }

    @Override
    public void handleRecord(int type, byte[] data) throws XSSFBParseException {
        if (type == BRT_ROW_HDR) {
            row = (int) LittleEndian.getUInt(data, 0);
            return;
        }
        if (type == BRT_LIST_PART) {
            tablePartIds.add(XlsbStrings.read(data, 0));
            return;
        }
        if (type < BRT_CELL_RK || type > BRT_FMLA_ERROR) {
            return; // blank cells and everything that is not a cell
        }
        int column = (int) LittleEndian.getUInt(data, 0);
        int style = LittleEndian.getUShort(data, 4) | (data[6] & 0xff) << 16;
        Object value = switch (type) {
            case BRT_CELL_RK -> number(rk((int) LittleEndian.getUInt(data, VALUE)), style);
            case BRT_CELL_REAL, BRT_FMLA_NUM -> number(LittleEndian.getDouble(data, VALUE), style);
            case BRT_CELL_BOOL, BRT_FMLA_BOOL -> data[VALUE] != 0;
            case BRT_CELL_ERROR, BRT_FMLA_ERROR -> error(data[VALUE]);
            case BRT_CELL_ISST -> text(strings.getItemAt((int) LittleEndian.getUInt(data, VALUE)).getString());
            default -> {
                StringBuilder text = new StringBuilder();
                XSSFBUtils.readXLWideString(data, VALUE, text);
                yield text(text.toString());
            }
        };
        cells.computeIfAbsent(row, r -> new TreeMap<>()).put(column, value);
    }

    /** An RkNumber: 30 bits of a double's high half or of an integer, possibly divided by 100. */
    private static double rk(int raw) {
        boolean hundredths = (raw & 1) != 0;
        double value = (raw & 2) != 0 ? (double) (raw >> 2)
                : Double.longBitsToDouble(((long) (raw & 0xFFFFFFFC)) << 32);
        return hundredths ? value / 100 : value;
    }

    private Object number(double value, int style) {
        return styles.isDate(style) && DateUtil.isValidExcelDate(value) ? DateUtil.getLocalDateTime(value) : value;
    }

    private static String text(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static Thunk error(byte code) {
        String text;
        try {
            text = FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            text = "#ERROR";
        }
        String shown = text;
        return new Thunk(() -> {
            throw Errors.dataFormat("Invalid cell value '" + shown + "'.");
        });
    }

    /** The relationship ids (of the sheet part) of the sheet's tables, in sheet order. */
    List<String> tablePartIds() {
        return List.copyOf(tablePartIds);
    }

    /** The sheet's used range (from its first to its last non-blank cell) as rows of values. */
    List<Object[]> usedRange() {
        if (cells.isEmpty()) {
            return new ArrayList<>();
        }
        int first = Integer.MAX_VALUE;
        int last = -1;
        for (TreeMap<Integer, Object> columns : cells.values()) {
            first = Math.min(first, columns.firstKey());
            last = Math.max(last, columns.lastKey());
        }
        return area(cells.firstKey(), first, cells.lastKey(), last);
    }

    /** The values of a rectangle of the sheet, blank cells as nulls. */
    List<Object[]> area(int firstRow, int firstColumn, int lastRow, int lastColumn) {
        List<Object[]> rows = new ArrayList<>();
        for (int r = firstRow; r <= lastRow; r++) {
            Object[] values = new Object[lastColumn - firstColumn + 1];
            Map<Integer, Object> columns = cells.getOrDefault(r, new TreeMap<>());
            for (Map.Entry<Integer, Object> cell : columns.entrySet()) {
                if (cell.getKey() >= firstColumn && cell.getKey() <= lastColumn) {
                    values[cell.getKey() - firstColumn] = cell.getValue();
                }
            }
            rows.add(values);
        }
        return rows;
    }
}
