package org.gatehouse.powerquery.impl.lib;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;

/**
 * What a date-formatted number cell becomes, which depends on how Power Query reaches the workbook.
 * <ul>
 * <li>Excel.Workbook parses the file and types a cell by its number format. A format that shows no time of day gives a
 * {@code date}. A corpus workbook (clean.xlsx over "3.-Badly-Structured-Sales-Data-3.xlsx", format d-mmm-yy) turns such
 * cells to text in en-GB and names columns "CA-2011-100293 14/03/2013", with no time. The type detection of seven
 * other corpus queries over m/d/yyyy cells wrote {@code type date}.</li>
 * <li>Excel.CurrentWorkbook gets Excel's live cell values, where every date has a time: the "Ultimate Dashboard"
 * workbook promotes such cells to headers "1/31/2023 12:00:00 AM".</li>
 * </ul>
 */
enum DateCells {

    BY_FORMAT {
        @Override
        Object value(LocalDateTime when, String format) {
            // a fraction of a day under a date-only format is still there in the file: keep it rather than drop it
            return showsOnlyDate(format) && when.toLocalTime().equals(LocalTime.MIDNIGHT) ? when.toLocalDate() : when;
        }
    },

    AS_DATETIME {
        @Override
        Object value(LocalDateTime when, String format) {
            return when;
        }
    };

    /** The M value of a cell holding {@code when} under the number format code {@code format}. */
    abstract Object value(LocalDateTime when, String format);

    /**
     * Whether a number format code has no hour, second or AM/PM part. Quoted and backslash-escaped literals and the
     * [..] sections (colours, locales, conditions) do not count; elapsed-time sections such as [h] do.
     */
    static boolean showsOnlyDate(String format) {
        if (format == null) {
            return false;
        }
        String codes = format.toLowerCase(Locale.ROOT)
                .replaceAll("\"[^\"]*\"|\\\\.", "")
                .replaceAll("\\[(?![hms]+\\])[^\\]]*\\]", "");
        return codes.indexOf('h') < 0 && codes.indexOf('s') < 0 && !codes.contains("am/pm") && !codes.contains("a/p");
    }
}
