package org.gatehouse.powerquery.impl.lib;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gatehouse.powerquery.impl.lib.HtmlTree.Node;
import org.gatehouse.powerquery.impl.value.*;

/**
 * Html.Table(html, {{name, selector, optional transform}...}, [RowSelector]). Each column's CSS selector runs over
 * the whole document. Without RowSelector, column i's k-th match is row k's cell (shorter columns end in nulls).
 * With RowSelector, each row owns the part of the document from its row element up to the next row element, in
 * document order, and a cell is the first match of the column's selector there (a column selector may so pick an
 * element that follows the row element, as in the function reference's example). A cell is the element's text as
 * rendered ({@link #renderedText}), or what the column's transform makes of the element record
 * [Name, TextContent, Attributes].
 */
final class HtmlFunctions {

    private HtmlFunctions() {
    }

    private static final List<String> ELEMENT_FIELDS = List.of("Name", "TextContent", "Attributes");

    static void register(Library lib) {
        lib.fn("Html.Table", 2, 3, a -> table(html(Args.v(a, 0)), Args.list(a, 1), Args.recordOrEmpty(a, 2)));
        // the page as served, decoded: no browser runs its scripts here (WaitFor and the other options are ignored)
        lib.fn("Web.BrowserContents", 1, 2, a -> {
            WebContentsOptions request = WebContentsOptions.of(Args.text(a, 0), MRecord.of());
            return html(new MBinary(lib.access.webContents(request.url(), request.headers())));
        });
    }

    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_\\-:.]+)", Pattern.CASE_INSENSITIVE);

    /** The page's text: a text as is; a binary by its byte-order mark, else its meta charset, else UTF-8. */
    static String html(Object v) {
        return html(v, "Html.Table");
    }

    /** As {@link #html(Object)}, an error naming {@code function}. */
    static String html(Object v, String function) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof MBinary b) {
            byte[] bytes = b.bytes();
            int b0 = bytes.length > 0 ? bytes[0] & 0xff : -1;
            int b1 = bytes.length > 1 ? bytes[1] & 0xff : -1;
            int b2 = bytes.length > 2 ? bytes[2] & 0xff : -1;
            if (b0 == 0xfe && b1 == 0xff) {
                return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
            }
            if (b0 == 0xff && b1 == 0xfe || b0 == 0xef && b1 == 0xbb && b2 == 0xbf) {
                return Encodings.decode(bytes, null); // UTF-16LE or UTF-8 by their byte-order marks
            }
            String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1);
            Matcher m = META_CHARSET.matcher(head);
            Charset charset = StandardCharsets.UTF_8;
            if (m.find()) {
                try {
                    charset = Charset.forName(m.group(1));
                } catch (IllegalArgumentException e) {
                    // an unknown charset name: UTF-8, as browsers fall back
                }
            }
            return new String(bytes, charset);
        }
        throw Errors.expression(function + " expects a text or a binary, not " + Values.describe(v) + ".");
    }

    private record Column(String name, CssSelector selector, MFunction transform) { }

    static MTable table(String html, MList pairs, MRecord options) {
        List<Column> columns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Object o : pairs.values()) {
            Object pair = Values.strip(o);
            if (!(pair instanceof MList l) || l.size() < 2 || l.size() > 3) {
                throw Errors.expression("Html.Table: each column is a list {name, selector} or "
                        + "{name, selector, transform}, not " + Values.describe(pair) + ".");
            }
            String name = Values.text(l.get(0));
            Object transform = l.size() == 3 ? Values.strip(l.get(2)) : null;
            columns.add(new Column(name, CssSelector.parse(Values.text(l.get(1))),
                    transform == null ? null : Values.function(transform)));
            names.add(name);
        }
        Object rowOption = Args.option(options, "RowSelector");
        CssSelector rowSelector = rowOption == null ? null : CssSelector.parse(Values.text(rowOption));
        HtmlTree.Document doc = HtmlTree.parse(html);
        List<List<Node>> matches = new ArrayList<>();
        for (Column c : columns) {
            matches.add(c.selector().select(doc.elements()));
        }
        List<Node[]> cells = new ArrayList<>();
        if (rowSelector == null) {
            int count = 0;
            for (List<Node> m : matches) {
                count = Math.max(count, m.size());
            }
            for (int r = 0; r < count; r++) {
                Node[] row = new Node[columns.size()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = r < matches.get(c).size() ? matches.get(c).get(r) : null;
                }
                cells.add(row);
            }
        } else {
            List<Node> rows = rowSelector.select(doc.elements());
            int[] next = new int[columns.size()]; // per column, its first match not before the current row
            for (int r = 0; r < rows.size(); r++) {
                int from = rows.get(r).order;
                int to = r + 1 < rows.size() ? rows.get(r + 1).order : Integer.MAX_VALUE;
                Node[] row = new Node[columns.size()];
                for (int c = 0; c < row.length; c++) {
                    List<Node> m = matches.get(c);
                    while (next[c] < m.size() && m.get(next[c]).order < from) {
                        next[c]++;
                    }
                    if (next[c] < m.size() && m.get(next[c]).order < to) {
                        row[c] = m.get(next[c]);
                    }
                }
                cells.add(row);
            }
        }
        List<Object[]> out = new ArrayList<>();
        for (Node[] row : cells) {
            Object[] values = new Object[row.length];
            for (int c = 0; c < row.length; c++) {
                Node e = row[c];
                MFunction transform = columns.get(c).transform();
                if (e == null) {
                    values[c] = null;
                } else if (transform == null) {
                    values[c] = renderedText(e);
                } else {
                    values[c] = new Thunk(() -> transform.call(record(e)));
                }
            }
            out.add(values);
        }
        List<MType> types = new ArrayList<>();
        for (Column c : columns) {
            types.add(c.transform() == null ? MType.TEXT : MType.ANY);
        }
        return new MTable(names, types, out);
    }

    /** The record a column's transform receives. */
    static MRecord record(Node e) {
        List<String> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (Map.Entry<String, String> a : e.attributes.entrySet()) {
            names.add(a.getKey());
            values.add(a.getValue());
        }
        return new MRecord(ELEMENT_FIELDS, List.of(e.tag.toUpperCase(Locale.ROOT), e.textContent(),
                new MRecord(names, values)));
    }

    private static final java.util.Set<String> HIDDEN = java.util.Set.of("head", "script", "style", "template",
            "noscript", "title", "meta", "link");
    private static final java.util.Set<String> BLOCKS = java.util.Set.of("address", "article", "aside",
            "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
            "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
            "html", "legend", "li", "main", "menu", "nav", "ol", "pre", "section", "summary", "table", "tbody", "tfoot",
            "thead", "tr", "ul", "option");

    /**
     * The element's text as a browser renders it (its innerText, roughly): white space runs are one space, blocks
     * start and end lines (paragraphs with a blank line between), br breaks a line, cells of a row are separated by
     * tabs, pre keeps its text, scripts and styles are not text; no space begins or ends a line.
     */
    static String renderedText(Node e) {
        List<Object> parts = new ArrayList<>();
        collect(e, parts, false);
        StringBuilder sb = new StringBuilder();
        int breaks = 0;
        boolean space = false;
        boolean tab = false;
        boolean lineStart = true;
        for (Object part : parts) {
            if ("\n".equals(part)) {
                if (sb.length() > 0 && breaks > 0) {
                    sb.append("\n".repeat(breaks));
                }
                sb.append('\n');
                breaks = 0;
                space = false;
                tab = false;
                lineStart = true;
            } else if (part instanceof Integer n) {
                breaks = Math.max(breaks, n);
                space = false;
            } else if (part == TAB) {
                tab = true;
                space = false;
            } else {
                String text = (String) part;
                if (text.equals(" ")) {
                    space = sb.length() > 0 && breaks == 0 && !tab && !lineStart;
                    continue;
                }
                if (sb.length() > 0 && !lineStart || breaks > 0 && sb.length() > 0) {
                    if (breaks > 0) {
                        sb.append("\n".repeat(breaks));
                    } else if (tab) {
                        sb.append('\t');
                    } else if (space) {
                        sb.append(' ');
                    }
                }
                breaks = 0;
                space = false;
                tab = false;
                lineStart = false;
                sb.append(text);
            }
        }
        return sb.toString().strip();
    }

    private static final Object TAB = new Object();

    private static void collect(Node node, List<Object> parts, boolean pre) {
        for (Node c : node.children) {
            if (!c.isElement()) {
                if (pre) {
                    parts.add(c.text);
                } else {
                    words(c.text, parts);
                }
                continue;
            }
            if (HIDDEN.contains(c.tag)) {
                continue;
            }
            if (c.tag.equals("br")) {
                parts.add("\n");
                continue;
            }
            int around = c.tag.equals("p") ? 2 : BLOCKS.contains(c.tag) ? 1 : 0;
            if (around > 0) {
                parts.add(around);
            }
            collect(c, parts, pre || c.tag.equals("pre") || c.tag.equals("textarea"));
            if (around > 0) {
                parts.add(around);
            }
            if ((c.tag.equals("td") || c.tag.equals("th")) && hasNextCell(c)) {
                parts.add(TAB);
            }
        }
    }

    private static boolean hasNextCell(Node cell) {
        List<Node> siblings = cell.parent.children;
        for (int i = siblings.indexOf(cell) + 1; i < siblings.size(); i++) {
            Node n = siblings.get(i);
            if (n.isElement() && (n.tag.equals("td") || n.tag.equals("th"))) {
                return true;
            }
        }
        return false;
    }

    /** A text's words, with " " where white space (no-break spaces aside) separates them. */
    private static void words(String text, List<Object> parts) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (isSpace(text.charAt(i))) {
                while (i < n && isSpace(text.charAt(i))) {
                    i++;
                }
                parts.add(" ");
            } else {
                int start = i;
                while (i < n && !isSpace(text.charAt(i))) {
                    i++;
                }
                parts.add(text.substring(start, i));
            }
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
