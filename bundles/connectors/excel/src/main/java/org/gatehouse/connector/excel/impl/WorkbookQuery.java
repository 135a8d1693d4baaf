package org.gatehouse.connector.excel.impl;

/**
 * A query's text: a Power Query query's name ({@code Sales}, or {@code query:Sales} when the name itself starts with
 * {@code sheet:} or {@code table:}), a sheet ({@code sheet:Name}) or a sheet table ({@code table:Name}).
 */
record WorkbookQuery(Kind kind, String name) {

    /** The member of the generated section document that reads a sheet or table. */
    static final String MEMBER = "Result";

    enum Kind { POWER_QUERY, SHEET, TABLE }

    static WorkbookQuery parse(String text) {
        String t = text.trim();
        if (startsWith(t, "sheet:")) {
            return new WorkbookQuery(Kind.SHEET, t.substring(6).trim());
        }
        if (startsWith(t, "table:")) {
            return new WorkbookQuery(Kind.TABLE, t.substring(6).trim());
        }
        if (startsWith(t, "query:")) {
            return new WorkbookQuery(Kind.POWER_QUERY, t.substring(6).trim());
        }
        return new WorkbookQuery(Kind.POWER_QUERY, t);
    }

    private static boolean startsWith(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    String describe() {
        return switch (kind) {
            case POWER_QUERY -> "Power Query query '" + name + "'";
            case SHEET -> "sheet '" + name + "'";
            case TABLE -> "table '" + name + "'";
        };
    }

    /**
     * An M section document reading this sheet or table of the workbook at {@code path} through Excel.Workbook with
     * headers promoted; an unknown name raises an M error listing the names there are. A sheet is the range of its
     * cells (InferSheetDimensions), not the range its metadata declares: formatted empty cells around the data would
     * add empty rows and ColumnN columns, and some writers declare a wrong range.
     */
    String sectionReading(String path) {
        String kindText = kind == Kind.SHEET ? "Sheet" : "Table";
        String what = kind == Kind.SHEET ? "sheet" : "table";
        return "section Gatehouse;\n"
                + "shared Items = Excel.Workbook(File.Contents(" + text(path) + "), [UseHeaders = true, "
                + "InferSheetDimensions = true]);\n"
                + "shared Candidates = Table.SelectRows(Items, each [Kind] = " + text(kindText) + ");\n"
                + "shared Matches = Table.SelectRows(Candidates, each [Item] = " + text(name) + ");\n"
                + "shared " + MEMBER + " = if Table.RowCount(Matches) = 0 then error Error.Record(\"Expression.Error\", "
                + text("The workbook has no " + what + " '" + name + "'; its " + what + "s are: ")
                + " & Text.Combine(Candidates[Item], \", \")) else Matches{0}[Data];\n";
    }

    /** An M text literal. */
    private static String text(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
