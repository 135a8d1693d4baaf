package org.gatehouse.powerquery.impl.lib;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.LittleEndian;
import org.apache.poi.xssf.binary.XSSFBParseException;
import org.apache.poi.xssf.binary.XSSFBParser;
import org.apache.poi.xssf.binary.XSSFBUtils;

/**
 * The part of an .xlsb workbook's styles ({@code xl/styles.bin}) that decides how a number reads: each cell style's
 * number format, so that date-formatted numbers become datetimes as in .xlsx. POI's own XSSFBStylesTable keeps that
 * lookup package-private, hence this small reader of the same records ([MS-XLSB] BrtFmt, BrtXF inside
 * BrtBeginCellXFs).
 */
final class XlsbStyles extends XSSFBParser {

    private static final int BRT_FMT = 44;
    private static final int BRT_XF = 47;
    private static final int BRT_BEGIN_CELL_XFS = 617;
    private static final int BRT_END_CELL_XFS = 618;

    private final Map<Integer, String> formats = new HashMap<>();
    private final List<Integer> cellStyleFormats = new ArrayList<>();
    private boolean inCellStyles;

    private XlsbStyles(InputStream in) {
        super(in);
    }

    /** The styles of a styles part; a workbook without one (null) has no date-formatted cells. */
    static XlsbStyles read(InputStream in) throws IOException {
        // POI's parser cannot even be made over a null stream
        XlsbStyles styles = new XlsbStyles(in == null ? InputStream.nullInputStream() : in);
        styles.parse();
        return styles;
    }

    @Override
    public void handleRecord(int type, byte[] data) throws XSSFBParseException {
        switch (type) {
            case BRT_BEGIN_CELL_XFS -> inCellStyles = true;
            case BRT_END_CELL_XFS -> inCellStyles = false;
            case BRT_XF -> {
                if (inCellStyles) {
                    cellStyleFormats.add(LittleEndian.getUShort(data, 2));
                }
            }
            case BRT_FMT -> {
                StringBuilder code = new StringBuilder();
                XSSFBUtils.readXLWideString(data, 2, code);
                formats.put(LittleEndian.getUShort(data, 0), code.toString());
            }
            default -> {
                // other style records do not change how a value reads
            }
        }
    }

    /** Whether numbers in cells of this style are dates (their format is a date format). */
    boolean isDate(int style) {
        if (style < 0 || style >= cellStyleFormats.size()) {
            return false;
        }
        int format = cellStyleFormats.get(style);
        String code = formats.get(format);
        if (code == null && format < BuiltinFormats.FIRST_USER_DEFINED_FORMAT_INDEX) {
            code = BuiltinFormats.getBuiltinFormat(format);
        }
        return code != null && DateUtil.isADateFormat(format, code);
    }
}
