package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gatehouse.powerquery.impl.lib.HtmlTree.Node;
import org.gatehouse.powerquery.impl.value.MTable;
import org.gatehouse.powerquery.impl.value.MType;
import org.gatehouse.powerquery.impl.value.Thunk;

/**
 * Web.Page(html): what Excel's classic "From Web" generates ({@code Source = Web.Page(Web.Contents(url)),
 * Data0 = Source{0}[Data]}). The reference says only: "the contents of the HTML document broken into its constituent
 * structures, as well as a representation of the full document". The page (a text, or a binary decoded as Html.Table
 * decodes it: byte-order mark, meta charset, UTF-8) is parsed by {@link HtmlTree}.
 *
 * <p>Evidence from public queries: the columns are Caption, Source, ClassName, Id, Data (expanded by name in a
 * generated step); each table of the page is a row whose Source is "Table" ({@code each [Source] = "Table"}), in page
 * order ({@code Source{0}[Data]} is the first table); a page without tables has the document as its row 0, whose Data
 * has the columns Kind, Name, Children, Text and is walked as {@code {0}[Children]{1}[Children]...} (the html element,
 * then its second child, the body) with the text of text nodes in Text. Not evidenced, hence the simplest choices:
 * Caption is the table's caption text (else null), ClassName and Id its class and id attributes (else null), nested
 * tables are rows too; the document row comes last with Caption "Document" and Source "Service"; in its tree an
 * element is [Kind = "Element", Name = upper-case tag (the DOM's nodeName), Children = its nodes, Text = null], a text
 * is [Kind = "Text", Name = null, Children = null, Text], and white-space-only texts are left out. See
 * {@link HtmlTableGrid} for how a table becomes Data.
 */
final class WebPage {

    private WebPage() {
    }

    private static final List<String> COLUMNS = List.of("Caption", "Source", "ClassName", "Id", "Data");
    private static final List<String> NODE_COLUMNS = List.of("Kind", "Name", "Children", "Text");
    private static final MType TABLE = MType.primitive("table");

    static void register(Library lib) {
        lib.fn("Web.Page", 1, 1, a -> page(HtmlFunctions.html(Args.v(a, 0), "Web.Page")));
    }

    static MTable page(String html) {
        HtmlTree.Document doc = HtmlTree.parse(html);
        List<Object[]> rows = new ArrayList<>();
        for (Node e : doc.elements()) {
            if (e.tag.equals("table")) {
                rows.add(new Object[] {HtmlTableGrid.caption(e), "Table", e.attributes.get("class"),
                        e.attributes.get("id"), new Thunk(() -> HtmlTableGrid.data(e))});
            }
        }
        rows.add(new Object[] {"Document", "Service", null, null, new Thunk(() -> nodes(doc.root()))});
        return new MTable(COLUMNS, List.of(MType.TEXT, MType.TEXT, MType.TEXT, MType.TEXT, TABLE), rows);
    }

    /** A node's child nodes as rows of Kind, Name, Children, Text. */
    private static MTable nodes(Node parent) {
        List<Object[]> rows = new ArrayList<>();
        for (Node c : parent.children) {
            if (c.isElement()) {
                rows.add(new Object[] {"Element", c.tag.toUpperCase(Locale.ROOT), new Thunk(() -> nodes(c)), null});
            } else if (!c.text.isBlank()) {
                rows.add(new Object[] {"Text", null, null, c.text});
            }
        }
        return new MTable(NODE_COLUMNS, List.of(MType.TEXT, MType.TEXT, MType.ANY, MType.TEXT), rows);
    }
}
