package org.gatehouse.powerquery.impl.lib;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.gatehouse.powerquery.MException;
import org.gatehouse.powerquery.impl.value.Errors;
import org.gatehouse.powerquery.impl.value.MBinary;
import org.gatehouse.powerquery.impl.value.Values;

/**
 * The element tree Xml.Document and Xml.Tables work on, read with the JDK's StAX parser in one pass over the text or
 * the binary's stream. Text and CDATA are merged; comments and processing instructions are dropped. DTDs are not
 * processed (no external entities are ever fetched). Malformed input is a DataFormat.Error giving line and column.
 */
final class XmlTree {

    private XmlTree() {
    }

    static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    /** An attribute; a namespace declaration (xmlns, xmlns:p) has {@code declaration} set. */
    record Attr(String namespace, String prefix, String local, String value, boolean declaration) { }

    /** An element: its content is, in document order, child {@link Element}s and texts (Strings). */
    static final class Element {
        final String namespace;
        final String prefix;
        final String local;
        final List<Attr> attributes = new ArrayList<>();
        final List<Object> content = new ArrayList<>();

        Element(String namespace, String prefix, String local) {
            this.namespace = namespace == null ? "" : namespace;
            this.prefix = prefix == null ? "" : prefix;
            this.local = local;
        }

        List<Element> elements() {
            List<Element> out = new ArrayList<>();
            for (Object o : content) {
                if (o instanceof Element e) {
                    out.add(e);
                }
            }
            return out;
        }

        boolean hasElements() {
            for (Object o : content) {
                if (o instanceof Element) {
                    return true;
                }
            }
            return false;
        }

        /** The concatenated text of this element and its descendants. */
        String text() {
            StringBuilder sb = new StringBuilder();
            appendText(sb);
            return sb.toString();
        }

        private void appendText(StringBuilder sb) {
            for (Object o : content) {
                if (o instanceof String s) {
                    sb.append(s);
                } else {
                    ((Element) o).appendText(sb);
                }
            }
        }

        /** True when some direct text child has more than white space. */
        boolean hasOwnText() {
            for (Object o : content) {
                if (o instanceof String s && !s.isBlank()) {
                    return true;
                }
            }
            return false;
        }

        List<Attr> plainAttributes() {
            List<Attr> out = new ArrayList<>();
            for (Attr a : attributes) {
                if (!a.declaration()) {
                    out.add(a);
                }
            }
            return out;
        }

        String qualifiedName() {
            return prefix.isEmpty() ? local : prefix + ":" + local;
        }

        /** The markup of the content (not of the element itself), as written back. */
        String innerXml() {
            StringBuilder sb = new StringBuilder();
            for (Object o : content) {
                if (o instanceof String s) {
                    escape(sb, s, false);
                } else {
                    ((Element) o).write(sb);
                }
            }
            return sb.toString();
        }

        private void write(StringBuilder sb) {
            sb.append('<').append(qualifiedName());
            for (Attr a : attributes) {
                sb.append(' ');
                if (a.declaration()) {
                    sb.append(a.prefix().isEmpty() ? "xmlns" : "xmlns:" + a.local());
                } else {
                    sb.append(a.prefix().isEmpty() ? a.local() : a.prefix() + ":" + a.local());
                }
                sb.append("=\"");
                escape(sb, a.value(), true);
                sb.append('"');
            }
            if (content.isEmpty()) {
                sb.append(" />");
                return;
            }
            sb.append('>').append(innerXml()).append("</").append(qualifiedName()).append('>');
        }
    }

    private static void escape(StringBuilder sb, String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append(attribute ? "&quot;" : "\"");
                default -> sb.append(c);
            }
        }
    }

    /**
     * The root element of the document in {@code contents}: a text, or a binary whose encoding is its byte-order mark,
     * else the {@code encoding} code page when given, else the XML declaration's (UTF-8 without one).
     */
    static Element parse(Object contents, Object encoding, String function) {
        Object v = Values.strip(contents);
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        if (v instanceof String s) {
            return read(() -> factory.createXMLStreamReader(new StringReader(s)), function);
        }
        if (v instanceof MBinary b) {
            InputStream in = b.open();
            try (in) {
                if (encoding != null) {
                    Reader reader = Encodings.reader(in, encoding);
                    return read(() -> factory.createXMLStreamReader(reader), function);
                }
                return read(() -> factory.createXMLStreamReader(in), function);
            } catch (IOException e) {
                throw new MException("DataSource.Error", function + ": the XML could not be read: " + e.getMessage());
            }
        }
        throw Errors.expression(function + " expects a text or a binary, not " + Values.describe(v) + ".");
    }

    private interface Opener {
        XMLStreamReader open() throws XMLStreamException;
    }

    private static Element read(Opener opener, String function) {
        XMLStreamReader r = null;
        Element root = null;
        Deque<Element> open = new ArrayDeque<>();
        try {
            r = opener.open();
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        Element e = new Element(r.getNamespaceURI(), r.getPrefix(), r.getLocalName());
                        for (int i = 0; i < r.getNamespaceCount(); i++) {
                            String p = r.getNamespacePrefix(i);
                            String uri = r.getNamespaceURI(i) == null ? "" : r.getNamespaceURI(i);
                            // as .NET names them: xmlns="u" is xmlns in no namespace, xmlns:p="u" is p in xmlns's
                            e.attributes.add(p == null || p.isEmpty() ? new Attr("", "", "xmlns", uri, true)
                                    : new Attr(XMLNS, "xmlns", p, uri, true));
                        }
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            String ns = r.getAttributeNamespace(i);
                            e.attributes.add(new Attr(ns == null ? "" : ns, r.getAttributePrefix(i) == null ? ""
                                    : r.getAttributePrefix(i), r.getAttributeLocalName(i), r.getAttributeValue(i), false));
                        }
                        if (open.isEmpty()) {
                            root = e;
                        } else {
                            open.peek().content.add(e);
                        }
                        open.push(e);
                    }
                    case XMLStreamConstants.END_ELEMENT -> open.pop();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) {
                            List<Object> content = open.peek().content;
                            String text = r.getText();
                            if (!content.isEmpty() && content.get(content.size() - 1) instanceof String prev) {
                                content.set(content.size() - 1, prev + text);
                            } else {
                                content.add(text);
                            }
                        }
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException(
                            "The entity '" + r.getLocalName() + "' is not defined.", r.getLocation());
                    default -> {
                        // comments, processing instructions, the DTD: not part of the tree
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(function, e);
        } catch (RuntimeException e) {
            if (e instanceof MException m) {
                throw m;
            }
            // the JDK's parser reports some encoding problems as unchecked exceptions
            throw Errors.dataFormat(function + ": the input is not valid XML: " + e.getMessage());
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing more to read
                }
            }
        }
        if (root == null) {
            throw Errors.dataFormat(function + ": the input is not valid XML: the document has no root element.");
        }
        return root;
    }

    private static MException malformed(String function, XMLStreamException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int at = message.indexOf("Message: ");
        if (at >= 0) {
            message = message.substring(at + "Message: ".length());
        }
        message = message.strip();
        Location where = e.getLocation();
        String position = where == null || where.getLineNumber() < 0 ? ""
                : " (line " + where.getLineNumber() + ", column " + where.getColumnNumber() + ")";
        return Errors.dataFormat(function + ": the input is not valid XML" + position + ": " + message);
    }
}
