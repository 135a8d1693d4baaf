package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A forgiving HTML parser for Html.Table: real pages are not XML. Tag and attribute names are lower-cased; void
 * elements never take content; unclosed p, li, td, tr, option... are closed by what cannot be inside them; an end tag
 * closes the nearest open element of its name (and any left open inside it) and is ignored when none is open;
 * script, style, textarea and title hold raw text; comments and doctypes are dropped; character references are
 * decoded. Elements are numbered in document order for the selectors.
 */
final class HtmlTree {

    private HtmlTree() {
    }

    /** A node: an element (tag not null) or a text (text not null). */
    static final class Node {
        final String tag;
        final String text;
        final Map<String, String> attributes;
        final List<Node> children = new ArrayList<>();
        Node parent;
        int order;
        /** The position among the parent's element children, from 0. */
        int siblingIndex;

        Node(String tag, Map<String, String> attributes) {
            this.tag = tag;
            this.text = null;
            this.attributes = attributes;
        }

        Node(String text) {
            this.tag = null;
            this.text = text;
            this.attributes = Map.of();
        }

        boolean isElement() {
            return tag != null;
        }

        List<Node> elementChildren() {
            List<Node> out = new ArrayList<>();
            for (Node c : children) {
                if (c.isElement()) {
                    out.add(c);
                }
            }
            return out;
        }

        String textContent() {
            if (text != null) {
                return text;
            }
            StringBuilder sb = new StringBuilder();
            appendText(sb);
            return sb.toString();
        }

        private void appendText(StringBuilder sb) {
            for (Node c : children) {
                if (c.text != null) {
                    sb.append(c.text);
                } else {
                    c.appendText(sb);
                }
            }
        }
    }

    /** The parsed document: a root (tag "#document") and every element in document order. */
    record Document(Node root, List<Node> elements) { }

    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
            "meta", "param", "source", "track", "wbr", "keygen", "basefont", "frame");
    private static final Set<String> RAW = Set.of("script", "style", "textarea", "title", "xmp");
    private static final Set<String> CLOSES_P = Set.of("address", "article", "aside", "blockquote", "div", "dl",
            "fieldset", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p",
            "pre", "section", "table", "ul", "figure", "details", "menu");

    static Document parse(String html) {
        Node root = new Node("#document", Map.of());
        List<Node> stack = new ArrayList<>();
        stack.add(root);
        int i = 0;
        int n = html.length();
        StringBuilder text = new StringBuilder();
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<' && i + 1 < n) {
                char d = html.charAt(i + 1);
                if (html.startsWith("<!--", i)) {
                    flush(text, stack);
                    int end = html.indexOf("-->", i + 4);
                    i = end < 0 ? n : end + 3;
                    continue;
                }
                if (d == '!' || d == '?') {
                    flush(text, stack);
                    int end = html.indexOf('>', i);
                    i = end < 0 ? n : end + 1;
                    continue;
                }
                if (d == '/' && i + 2 < n && Character.isLetter(html.charAt(i + 2))) {
                    flush(text, stack);
                    int j = i + 2;
                    while (j < n && !Character.isWhitespace(html.charAt(j)) && html.charAt(j) != '>') {
                        j++;
                    }
                    String name = html.substring(i + 2, j).toLowerCase(Locale.ROOT);
                    int end = html.indexOf('>', j);
                    i = end < 0 ? n : end + 1;
                    if (name.equals("br")) {
                        // as browsers (and the HTML parsing rules) read it: </br> is a line break, not nothing
                        append(stack, new Node("br", new LinkedHashMap<>()));
                    } else {
                        close(stack, name);
                    }
                    continue;
                }
                if (Character.isLetter(d)) {
                    flush(text, stack);
                    i = startTag(html, i + 1, stack);
                    continue;
                }
            }
            text.append(c);
            i++;
        }
        flush(text, stack);
        List<Node> elements = new ArrayList<>();
        number(root, elements);
        return new Document(root, elements);
    }

    private static void number(Node node, List<Node> elements) {
        int index = 0;
        for (Node c : node.children) {
            if (c.isElement()) {
                c.siblingIndex = index++;
                c.order = elements.size();
                elements.add(c);
                number(c, elements);
            }
        }
    }

    private static void flush(StringBuilder text, List<Node> stack) {
        if (text.length() > 0) {
            append(stack, new Node(decode(text.toString())));
            text.setLength(0);
        }
    }

    private static void append(List<Node> stack, Node node) {
        Node parent = stack.get(stack.size() - 1);
        node.parent = parent;
        parent.children.add(node);
    }

    /** Reads a start tag from its name at {@code i}; returns where parsing goes on. */
    private static int startTag(String html, int i, List<Node> stack) {
        int n = html.length();
        int j = i;
        while (j < n && !Character.isWhitespace(html.charAt(j)) && html.charAt(j) != '>' && html.charAt(j) != '/') {
            j++;
        }
        String name = html.substring(i, j).toLowerCase(Locale.ROOT);
        Map<String, String> attributes = new LinkedHashMap<>();
        while (j < n) {
            char c = html.charAt(j);
            if (c == '>') {
                j++;
                break;
            }
            if (c == '/') {
                j++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                j++;
                continue;
            }
            int k = j;
            while (k < n && !Character.isWhitespace(html.charAt(k)) && "=>/".indexOf(html.charAt(k)) < 0
                    || k == j && k < n && html.charAt(k) == '=') {
                k++;
            }
            String attribute = html.substring(j, k).toLowerCase(Locale.ROOT);
            while (k < n && Character.isWhitespace(html.charAt(k))) {
                k++;
            }
            String value = "";
            if (k < n && html.charAt(k) == '=') {
                k++;
                while (k < n && Character.isWhitespace(html.charAt(k))) {
                    k++;
                }
                if (k < n && (html.charAt(k) == '"' || html.charAt(k) == '\'')) {
                    char q = html.charAt(k);
                    int end = html.indexOf(q, k + 1);
                    if (end < 0) {
                        end = n;
                    }
                    value = html.substring(k + 1, end);
                    k = Math.min(n, end + 1);
                } else {
                    int start = k;
                    while (k < n && !Character.isWhitespace(html.charAt(k)) && html.charAt(k) != '>') {
                        k++;
                    }
                    value = html.substring(start, k);
                }
            }
            attributes.putIfAbsent(attribute, decode(value));
            j = k;
        }
        implicitlyClose(stack, name);
        // as a browser's DOM (which generated selectors such as "TABLE > * > TR" assume): rows sit in a tbody
        // when the page has none, cells in a row
        String open = stack.get(stack.size() - 1).tag;
        if ((name.equals("tr") || name.equals("td") || name.equals("th")) && open.equals("table")) {
            Node body = new Node("tbody", new LinkedHashMap<>());
            append(stack, body);
            stack.add(body);
            open = "tbody";
        }
        if ((name.equals("td") || name.equals("th")) && Set.of("tbody", "thead", "tfoot").contains(open)) {
            Node row = new Node("tr", new LinkedHashMap<>());
            append(stack, row);
            stack.add(row);
        }
        Node element = new Node(name, attributes);
        append(stack, element);
        // as browsers do, "/>" closes nothing but void elements (which never have content anyway)
        if (VOID.contains(name)) {
            return j;
        }
        if (RAW.contains(name)) {
            int end = indexOfIgnoreCase(html, "</" + name, j);
            String raw = html.substring(j, end < 0 ? n : end);
            if (!raw.isEmpty()) {
                Node t = new Node(name.equals("textarea") || name.equals("title") ? decode(raw) : raw);
                t.parent = element;
                element.children.add(t);
            }
            if (end < 0) {
                return n;
            }
            int close = html.indexOf('>', end);
            return close < 0 ? n : close + 1;
        }
        stack.add(element);
        return j;
    }

    private static int indexOfIgnoreCase(String s, String what, int from) {
        int n = s.length() - what.length();
        for (int i = from; i <= n; i++) {
            if (s.regionMatches(true, i, what, 0, what.length())) {
                return i;
            }
        }
        return -1;
    }

    /** Closes what HTML closes implicitly before a start tag: an open p before a block, a cell before a cell... */
    private static void implicitlyClose(List<Node> stack, String name) {
        switch (name) {
            case "li" -> closeUntil(stack, "li", Set.of("ul", "ol", "menu"));
            case "dt", "dd" -> {
                closeUntil(stack, "dt", Set.of("dl"));
                closeUntil(stack, "dd", Set.of("dl"));
            }
            case "td", "th" -> {
                closeUntil(stack, "td", Set.of("tr", "table"));
                closeUntil(stack, "th", Set.of("tr", "table"));
            }
            case "tr" -> {
                closeUntil(stack, "td", Set.of("table"));
                closeUntil(stack, "th", Set.of("table"));
                closeUntil(stack, "tr", Set.of("table"));
            }
            case "thead", "tbody", "tfoot" -> {
                closeUntil(stack, "td", Set.of("table"));
                closeUntil(stack, "th", Set.of("table"));
                closeUntil(stack, "tr", Set.of("table"));
                for (String section : List.of("thead", "tbody", "tfoot")) {
                    closeUntil(stack, section, Set.of("table"));
                }
            }
            case "option" -> closeUntil(stack, "option", Set.of("select", "datalist"));
            default -> {
            }
        }
        if (CLOSES_P.contains(name)) {
            closeUntil(stack, "p", Set.of("div", "td", "th", "li", "table", "section", "article", "body"));
        }
    }

    /** Closes the nearest open {@code name} unless one of {@code barriers} is open inside it. */
    private static void closeUntil(List<Node> stack, String name, Set<String> barriers) {
        for (int k = stack.size() - 1; k > 0; k--) {
            String tag = stack.get(k).tag;
            if (tag.equals(name)) {
                while (stack.size() > k) {
                    stack.remove(stack.size() - 1);
                }
                return;
            }
            if (barriers.contains(tag)) {
                return;
            }
        }
    }

    private static void close(List<Node> stack, String name) {
        for (int k = stack.size() - 1; k > 0; k--) {
            if (stack.get(k).tag.equals(name)) {
                while (stack.size() > k) {
                    stack.remove(stack.size() - 1);
                }
                return;
            }
        }
        // an end tag with nothing to close is ignored
    }

    /** Character references: named (HTML 4.01's; unknown ones stay as written), decimal and hexadecimal. */
    static String decode(String s) {
        int amp = s.indexOf('&');
        if (amp < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        while (amp >= 0) {
            sb.append(s, i, amp);
            int semi = s.indexOf(';', amp);
            String replacement = null;
            int next = amp + 1;
            if (semi > amp + 1 && semi - amp <= 12) {
                String ref = s.substring(amp + 1, semi);
                if (ref.startsWith("#")) {
                    try {
                        int cp = ref.length() > 1 && (ref.charAt(1) == 'x' || ref.charAt(1) == 'X')
                                ? Integer.parseInt(ref.substring(2), 16) : Integer.parseInt(ref.substring(1));
                        replacement = Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp))
                                : "\ufffd";
                    } catch (NumberFormatException e) {
                        replacement = null;
                    }
                } else {
                    replacement = HtmlEntities.get(ref);
                }
                if (replacement != null) {
                    next = semi + 1;
                }
            }
            sb.append(replacement != null ? replacement : "&");
            i = next;
            amp = s.indexOf('&', i);
        }
        sb.append(s, i, s.length());
        return sb.toString();
    }
}
