package org.gatehouse.powerquery.impl.lib;

import java.io.IOException;
import java.io.InputStream;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.StylesTable;

/**
 * The number formats of a workbook's cell styles ({@code xl/styles.xml}): which styles show a date, and each style's
 * format code (which {@link DateCells} reads), decided as POI's {@code DateUtil.isCellDateFormatted} does.
 */
final class XlsxStyles {

    private final String[] formats;
    private final boolean[] dates;
    private final boolean date1904;

    private XlsxStyles(String[] formats, boolean[] dates, boolean date1904) {
        this.formats = formats;
        this.dates = dates;
        this.date1904 = date1904;
    }

    static XlsxStyles read(InputStream part, boolean date1904) throws IOException {
        if (part == null) {
            return new XlsxStyles(new String[0], new boolean[0], date1904);
        }
        StylesTable styles = new StylesTable(part);
        int count = styles.getNumCellStyles();
        String[] formats = new String[count];
        boolean[] dates = new boolean[count];
        for (int i = 0; i < count; i++) {
            int id = (int) styles.getCellXfAt(i).getNumFmtId();
            String format = styles.getNumberFormatAt((short) id);
            formats[i] = format != null ? format : BuiltinFormats.getBuiltinFormat(id);
            dates[i] = DateUtil.isADateFormat(id, formats[i]);
        }
        return new XlsxStyles(formats, dates, date1904);
    }

    boolean isDate(int style) {
        return style >= 0 && style < dates.length && dates[style];
    }

    String format(int style) {
        return style >= 0 && style < formats.length ? formats[style] : null;
    }

    /** Whether the workbook counts days from 1904 (old Mac workbooks) rather than from 1900. */
    boolean date1904() {
        return date1904;
    }
}
