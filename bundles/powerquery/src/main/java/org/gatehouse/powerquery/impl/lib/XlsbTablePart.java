package org.gatehouse.powerquery.impl.lib;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.util.LittleEndian;
import org.apache.poi.xssf.binary.XSSFBParseException;
import org.apache.poi.xssf.binary.XSSFBParser;

/**
 * One table (ListObject) of an .xlsb workbook, read from its binary table part ({@code xl/tables/tableN.bin}), which
 * POI's binary reader does not offer. Records per [MS-XLSB]: BrtBeginList (where the table is, its name, how many
 * header and totals rows it has) and one BrtBeginListCol per column (its caption, the header text Excel shows).
 */
final class XlsbTablePart extends XSSFBParser {

    /**
     * A table: its name, its range (zero-based, header and totals rows included), the number of header and totals
     * rows, and the column captions left to right (null where a column has none).
     */
    record Table(String name, int firstRow, int firstColumn, int lastRow, int lastColumn, int headerRows,
            int totalsRows, List<String> columnCaptions) { }

    private static final int BRT_BEGIN_LIST = 343;
    private static final int BRT_BEGIN_LIST_COL = 347;
    /** BrtBeginList: rfxList (16), lt, idList, crwHeader, crwTotals, flags, six DXF ids, dwConnID (4 each). */
    private static final int LIST_NAME = 64;
    /** BrtBeginListCol: idField, ilta, nDxfHdr, nDxfInsertRow, nDxfAgg, idqsif (4 each), then stName, stCaption. */
    private static final int COLUMN_NAME = 24;

    private byte[] list;
    private final List<String> captions = new ArrayList<>();

    private XlsbTablePart(InputStream in) {
        super(in);
    }

    /** The table the part defines, or null when it defines none. */
    static Table read(InputStream tablePart) throws IOException {
        XlsbTablePart part = new XlsbTablePart(tablePart);
        part.parse();
        return part.table();
    }

    @Override
    public void handleRecord(int type, byte[] data) throws XSSFBParseException {
        if (type == BRT_BEGIN_LIST && list == null) { // a table part holds one table
            list = data;
        } else if (type == BRT_BEGIN_LIST_COL && list != null) {
            // stName is the column's unique name (a query field's id for query tables); stCaption is its header
            int caption = COLUMN_NAME + XlsbStrings.size(data, COLUMN_NAME);
            captions.add(XlsbStrings.read(data, caption));
        }
    }

    private Table table() {
        if (list == null) {
            return null;
        }
        int firstRow = LittleEndian.getInt(list, 0);
        int lastRow = LittleEndian.getInt(list, 4);
        int firstColumn = LittleEndian.getInt(list, 8);
        int lastColumn = LittleEndian.getInt(list, 12);
        // the specification calls crwHeader and crwTotals booleans: a table has at most one header and one totals row
        int headerRows = LittleEndian.getInt(list, 24) != 0 ? 1 : 0;
        int totalsRows = LittleEndian.getInt(list, 28) != 0 ? 1 : 0;
        String name = XlsbStrings.read(list, LIST_NAME);
        // the display name is the one formulas and Excel's UI use; stName normally equals it
        String displayName = XlsbStrings.read(list, LIST_NAME + XlsbStrings.size(list, LIST_NAME));
        if (displayName != null && !displayName.isEmpty()) {
            name = displayName;
        }
        if (name == null || firstRow < 0 || lastRow < firstRow || firstColumn < 0 || lastColumn < firstColumn) {
            throw new IllegalArgumentException("a table part with no name or no range");
        }
        List<String> columns = new ArrayList<>();
        for (int c = 0; c <= lastColumn - firstColumn; c++) {
            columns.add(c < captions.size() ? captions.get(c) : null);
        }
        return new Table(name, firstRow, firstColumn, lastRow, lastColumn, headerRows, totalsRows, columns);
    }
}
