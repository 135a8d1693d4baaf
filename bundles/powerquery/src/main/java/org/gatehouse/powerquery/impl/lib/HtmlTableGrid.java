package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.gatehouse.powerquery.impl.lib.HtmlTree.Node;
import org.gatehouse.powerquery.impl.value.MTable;
import org.gatehouse.powerquery.impl.value.MType;

/**
 * One HTML table element as Web.Page's Data: its rows laid on a grid (a cell spanning columns or rows fills each slot
 * it covers), the header row named the columns, the other rows are the values (each cell's rendered text, see
 * {@link HtmlFunctions#renderedText}; a row shorter than the grid ends in nulls).
 *
 * <p>Evidence (queries Excel's "From Web" generated, found in public repositories): a Changed Type step right after
 * {@code Source{0}[Data]} names a page's th headers ("Team", "GP", "W"... for a hockey standings table; "Code",
 * "Subdivision name (es)[note 1]" for a Wikipedia table, the footnote mark included as the rendered text has it); a
 * table without headers is read as Column1, Column2... ({@code [Data]{0}[Column1]}, {@code {"Column1", ...}} expanded
 * from tables of key/value rows); a header cell without text is the column "" and a second one "2" (a jp.investing.com
 * table: {@code {"", type text}, {"名前", ...}, ..., {"2", type text}}), hence repeated names are numbered from 2.
 *
 * <p>Not evidenced, the simplest reading: the header is the leading rows in a thead, else the leading rows whose cells
 * are all th (when every row is so, only the first); with several header rows a column is named by the last of them;
 * spanned cells repeat their text; rows and cells of a nested table belong to that table only; values are text
 * (empty cells "") in columns of type any, which the generated Changed Type step then types.
 */
final class HtmlTableGrid {

    private HtmlTableGrid() {
    }

    /** A table row: its cells and whether it is a header candidate (in a thead, or all its cells th). */
    private record Row(List<Node> cells, boolean inHead) {
    }

    /** Limits that keep a malformed span from building an enormous grid (browsers cap colspan at 1000 too). */
    private static final int MAX_COLSPAN = 1000;
    private static final int MAX_ROWSPAN = 65534;

    static MTable data(Node table) {
        List<Row> rows = new ArrayList<>();
        collectRows(table, rows, false);
        List<Node[]> grid = layOut(rows);
        int width = 0;
        for (Node[] r : grid) {
            width = Math.max(width, r.length);
        }
        int headerRows = headerRows(rows);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            if (headerRows == 0) {
                names.add("Column" + (c + 1));
            } else {
                Node[] last = grid.get(headerRows - 1);
                names.add(c < last.length && last[c] != null ? HtmlFunctions.renderedText(last[c]) : "");
            }
        }
        names = unique(names);
        List<Object[]> values = new ArrayList<>();
        for (int r = headerRows; r < grid.size(); r++) {
            Node[] cells = grid.get(r);
            Object[] row = new Object[width];
            boolean any = false;
            for (int c = 0; c < width; c++) {
                if (c < cells.length && cells[c] != null) {
                    row[c] = HtmlFunctions.renderedText(cells[c]);
                    any = true;
                }
            }
            if (any) {
                values.add(row);
            }
        }
        List<MType> types = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            types.add(MType.ANY);
        }
        return new MTable(names, types, values);
    }

    /** The table's caption element's rendered text, or null. */
    static String caption(Node table) {
        for (Node c : table.children) {
            if (c.isElement() && c.tag.equals("caption")) {
                return HtmlFunctions.renderedText(c);
            }
        }
        return null;
    }

    /** The tr elements of this table, in document order, not entering a nested table. */
    private static void collectRows(Node node, List<Row> rows, boolean inHead) {
        for (Node c : node.children) {
            if (!c.isElement() || c.tag.equals("table") || c.tag.equals("caption")) {
                continue;
            }
            if (c.tag.equals("tr")) {
                List<Node> cells = new ArrayList<>();
                boolean allTh = true;
                for (Node cell : c.children) {
                    if (cell.isElement() && (cell.tag.equals("td") || cell.tag.equals("th"))) {
                        cells.add(cell);
                        allTh &= cell.tag.equals("th");
                    }
                }
                rows.add(new Row(cells, inHead || allTh && !cells.isEmpty()));
            } else {
                collectRows(c, rows, inHead || c.tag.equals("thead"));
            }
        }
    }

    /** The leading header rows; when every row would be one, the first only (a table of th cells is data). */
    private static int headerRows(List<Row> rows) {
        int n = 0;
        while (n < rows.size() && rows.get(n).inHead()) {
            n++;
        }
        return n == rows.size() && n > 1 ? 1 : n;
    }

    /** Places each row's cells on the grid, a colspan/rowspan cell in every slot it covers. */
    private static List<Node[]> layOut(List<Row> rows) {
        List<List<Node>> grid = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            while (grid.size() <= r) {
                grid.add(new ArrayList<>());
            }
            List<Node> line = grid.get(r);
            int col = 0;
            for (Node cell : rows.get(r).cells()) {
                while (col < line.size() && line.get(col) != null) {
                    col++;
                }
                int colspan = Math.min(MAX_COLSPAN, span(cell, "colspan", 1));
                int rowspan = span(cell, "rowspan", 1);
                // rowspan=0 reaches the end of the table, as browsers read it
                int lastRow = rowspan == 0 ? rows.size() - 1 : Math.min(rows.size() - 1, r + Math.min(rowspan, MAX_ROWSPAN) - 1);
                for (int rr = r; rr <= lastRow; rr++) {
                    while (grid.size() <= rr) {
                        grid.add(new ArrayList<>());
                    }
                    List<Node> target = grid.get(rr);
                    for (int cc = col; cc < col + colspan; cc++) {
                        while (target.size() <= cc) {
                            target.add(null);
                        }
                        if (target.get(cc) == null) {
                            target.set(cc, cell);
                        }
                    }
                }
                col += colspan;
            }
        }
        List<Node[]> out = new ArrayList<>();
        for (List<Node> line : grid) {
            out.add(line.toArray(new Node[0]));
        }
        return out;
    }

    private static int span(Node cell, String attribute, int fallback) {
        String v = cell.attributes.get(attribute);
        if (v == null) {
            return fallback;
        }
        int i = 0;
        String s = v.strip();
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(s.substring(0, Math.min(i, 9)));
            return n == 0 && attribute.equals("colspan") ? 1 : n;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Repeated names numbered from 2 ("", "2"; "Name", "Name2"), skipping a number another column already has. */
    private static List<String> unique(List<String> names) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String name : names) {
            String n = name;
            for (int k = 2; seen.contains(n); k++) {
                n = name + k;
            }
            seen.add(n);
            out.add(n);
        }
        return out;
    }
}
