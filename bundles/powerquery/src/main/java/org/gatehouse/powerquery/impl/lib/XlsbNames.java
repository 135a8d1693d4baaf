package org.gatehouse.powerquery.impl.lib;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.util.LittleEndian;
import org.apache.poi.xssf.binary.XSSFBParseException;
import org.apache.poi.xssf.binary.XSSFBParser;

/**
 * The defined names of an .xlsb workbook ({@code xl/workbook.bin}) that are plain cell ranges, which POI's binary
 * reader does not offer. Records per [MS-XLSB]: BrtBundleSh (the sheets in order), the supporting-book records and
 * BrtExternSheet (which sheet a 3-D reference's ixti means), and BrtName, whose formula is kept only when it is a
 * single PtgRef3d or PtgArea3d into this workbook; names that are formulas, constants or point at other workbooks are
 * left out, as for .xlsx.
 */
final class XlsbNames extends XSSFBParser {

    /** A name's range: the sheet (by name) and its first and last row and column, zero-based. */
    record NamedRange(String name, String sheet, int firstRow, int firstColumn, int lastRow, int lastColumn) { }

    private static final int BRT_NAME = 39;
    private static final int BRT_BUNDLE_SH = 156;
    private static final int BRT_SUP_SELF = 357;
    private static final int BRT_SUP_SAME = 358;
    private static final int BRT_SUP_BOOK = 360;
    private static final int BRT_EXTERN_SHEET = 362;
    private static final int WORKBOOK_SCOPE = -1;

    private final List<String> sheets = new ArrayList<>();
    /** For each supporting book in order: whether it is this workbook. */
    private final List<Boolean> supportingBooks = new ArrayList<>();
    /** For each ixti: the sheet index it means in this workbook, or -1 (another workbook, several sheets). */
    private final List<Integer> externSheets = new ArrayList<>();
    private final List<byte[]> nameRecords = new ArrayList<>();

    private XlsbNames(InputStream in) {
        super(in);
    }

    static List<NamedRange> read(InputStream workbookPart) throws IOException {
        XlsbNames names = new XlsbNames(workbookPart);
        names.parse();
        return names.ranges();
    }

    @Override
    public void handleRecord(int type, byte[] data) throws XSSFBParseException {
        switch (type) {
            case BRT_BUNDLE_SH -> sheets.add(bundleSheetName(data));
            case BRT_SUP_SELF, BRT_SUP_SAME -> supportingBooks.add(true);
            case BRT_SUP_BOOK -> supportingBooks.add(false);
            case BRT_EXTERN_SHEET -> {
                // names come after the extern sheets, so the supporting books are all known here
                long count = LittleEndian.getUInt(data, 0);
                for (int i = 0; i < count; i++) {
                    int offset = 4 + 12 * i;
                    int book = LittleEndian.getInt(data, offset);
                    int first = LittleEndian.getInt(data, offset + 4);
                    int last = LittleEndian.getInt(data, offset + 8);
                    boolean here = book >= 0 && book < supportingBooks.size() && supportingBooks.get(book);
                    externSheets.add(here && first == last ? first : -1);
                }
            }
            case BRT_NAME -> nameRecords.add(data);
            default -> {
                // nothing else decides what a name refers to
            }
        }
    }

    /** BrtBundleSh: hsState (4), iTabID (4), strRelID (nullable wide string), strName (wide string). */
    private static String bundleSheetName(byte[] data) {
        int offset = 8;
        return XlsbStrings.read(data, offset + XlsbStrings.size(data, offset));
    }

    private List<NamedRange> ranges() {
        List<NamedRange> ranges = new ArrayList<>();
        for (byte[] data : nameRecords) {
            try {
                NamedRange range = range(data);
                if (range != null) {
                    ranges.add(range);
                }
            } catch (RuntimeException e) {
                // a record this reader does not understand is a name it does not offer, not a broken workbook
            }
        }
        return ranges;
    }

    /** BrtName: flags (4), chKey (1), itab (4), name, then the formula: cce (4) and its cce bytes of tokens. */
    private NamedRange range(byte[] data) {
        int offset = 4 + 1;
        int scope = LittleEndian.getInt(data, offset);
        offset += 4;
        String name = XlsbStrings.read(data, offset);
        offset += XlsbStrings.size(data, offset);
        int cce = LittleEndian.getInt(data, offset);
        offset += 4;
        int token = data[offset] & 0xff;
        int kind = token & 0x1f; // the low bits name the token; the class bits (reference, value, array) do not matter
        int sheetIndex;
        int firstRow;
        int lastRow;
        int firstColumn;
        int lastColumn;
        if (kind == 0x1a && cce == 9) { // PtgRef3d: ixti (2), row (4), column (2)
            sheetIndex = sheetOf(LittleEndian.getUShort(data, offset + 1));
            firstRow = lastRow = LittleEndian.getInt(data, offset + 3);
            firstColumn = lastColumn = LittleEndian.getUShort(data, offset + 7) & 0x3fff;
        } else if (kind == 0x1b && cce == 15) { // PtgArea3d: ixti (2), rows (4 + 4), columns (2 + 2)
            sheetIndex = sheetOf(LittleEndian.getUShort(data, offset + 1));
            firstRow = LittleEndian.getInt(data, offset + 3);
            lastRow = LittleEndian.getInt(data, offset + 7);
            firstColumn = LittleEndian.getUShort(data, offset + 11) & 0x3fff;
            lastColumn = LittleEndian.getUShort(data, offset + 13) & 0x3fff;
        } else {
            return null;
        }
        if (sheetIndex < 0 || sheetIndex >= sheets.size() || firstRow < 0 || lastRow < firstRow
                || lastColumn < firstColumn || scope != WORKBOOK_SCOPE && (scope < 0 || scope >= sheets.size())) {
            return null;
        }
        return new NamedRange(name, sheets.get(sheetIndex), firstRow, firstColumn, lastRow, lastColumn);
    }

    private int sheetOf(int ixti) {
        return ixti < externSheets.size() ? externSheets.get(ixti) : -1;
    }
}
