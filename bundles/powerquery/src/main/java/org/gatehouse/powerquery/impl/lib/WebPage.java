package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
        rows.add(new Object[] {"Document", "Service", null, null,
                new Thunk(() -> nodes(List.of(documentElement(doc.root()))))});
        return new MTable(COLUMNS, List.of(MType.TEXT, MType.TEXT, MType.TEXT, MType.TEXT, TABLE), rows);
    }

    /** Nodes as rows of Kind, Name, Children, Text. */
    private static MTable nodes(List<Node> children) {
        List<Object[]> rows = new ArrayList<>();
        for (Node c : children) {
            if (c.isElement()) {
                rows.add(new Object[] {"Element", c.tag.toUpperCase(Locale.ROOT), new Thunk(() -> nodes(c.children)),
                    null});
            } else if (!c.text.isBlank()) {
                rows.add(new Object[] {"Text", null, null, c.text});
            }
        }
        return new MTable(NODE_COLUMNS, List.of(MType.TEXT, MType.TEXT, MType.ANY, MType.TEXT), rows);
    }

    /** What a browser's parser puts in the head when the page has no head element. */
    private static final Set<String> HEAD_CONTENT = Set.of("base", "link", "meta", "script", "style", "title",
            "noscript", "template");

    /**
     * The html element as a browser's DOM always has it, one HTML holding a HEAD and a BODY, made up when the page
     * leaves them out: public queries walk {@code [Data]{0}[Children]{1}[Children]} to the body's nodes, also on
     * pages written as a bare {@code <script>...</script>} (the well-known regular expression trick, whose script this
     * engine does not run). Content outside an html, head or body the page does have is left out.
     */
    private static Node documentElement(Node root) {
        Node html = null;
        for (Node c : root.children) {
            if (c.isElement() && c.tag.equals("html")) {
                html = c;
                break;
            }
        }
        List<Node> content = html != null ? html.children : root.children;
        Node head = null;
        Node body = null;
        for (Node c : content) {
            if (c.isElement() && c.tag.equals("head") && head == null) {
                head = c;
            } else if (c.isElement() && c.tag.equals("body") && body == null) {
                body = c;
            }
        }
        if (html != null && head != null && body != null) {
            return html;
        }
        Node outHead = head != null ? head : new Node("head", Map.of());
        Node outBody = body != null ? body : new Node("body", Map.of());
        boolean inBody = false;
        for (Node c : content) {
            if (c == head || c == body || !c.isElement() && c.text.isBlank()) {
                inBody |= c == body;
                continue;
            }
            if (head == null && !inBody && c.isElement() && HEAD_CONTENT.contains(c.tag)) {
                outHead.children.add(c);
            } else if (body == null) {
                inBody = true;
                outBody.children.add(c);
            }
        }
        Node outHtml = new Node("html", html != null ? html.attributes : Map.of());
        outHtml.children.add(outHead);
        outHtml.children.add(outBody);
        return outHtml;
    }
}
