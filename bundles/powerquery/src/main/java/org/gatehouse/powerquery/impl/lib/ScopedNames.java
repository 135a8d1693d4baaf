package org.gatehouse.powerquery.impl.lib;

import java.util.regex.Pattern;

/**
 * How Excel.CurrentWorkbook names a defined name scoped to one sheet: "Sheet!Name", the sheet quoted only when Excel
 * would otherwise read it as something else. Evidence: a public workbook ("The Ultimate Dashboard.xlsx", one-click
 * financial dashboard) whose queries read the sheet-local names RandD, CS, SandM of sheets "R&D", "CS", "S&M"
 * as "'R&D'!RandD", "CS!CS" and "S&M!SandM": an '&' alone does not quote the sheet, a sheet that starts
 * like an R1C1 reference ("R" then a non-letter) does.
 */
final class ScopedNames {

    /** Sheet names Excel leaves bare: letters, digits, '_', '.', '&', not starting with a digit or '.'. */
    private static final Pattern BARE = Pattern.compile("[\\p{L}_&][\\p{L}\\p{N}_.&]*");
    /** Starts like an R1C1 (R, C, R2, C3, RC...) or A1 (B12) reference: then the sheet must be quoted. */
    private static final Pattern REFERENCE_START = Pattern.compile("(?i)(r\\d*c?\\d*|c\\d*|[a-z]{1,3}\\d+)([^\\p{L}\\p{N}].*)?");

    private ScopedNames() {
    }

    /** The Name column of Excel.CurrentWorkbook for a defined name; {@code sheet} null for a workbook-wide name. */
    static String currentWorkbookName(String sheet, String name) {
        if (sheet == null) {
            return name;
        }
        boolean quoted = !BARE.matcher(sheet).matches() || REFERENCE_START.matcher(sheet).matches();
        return (quoted ? "'" + sheet.replace("'", "''") + "'" : sheet) + "!" + name;
    }
}
