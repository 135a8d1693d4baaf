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
 * the binary's stream. Text and CDATA are merged; comments and processing instructions are dropped. An internal DTD's
 * entities are expanded; no external DTD or entity is ever fetched. Malformed input is a DataFormat.Error giving line
 * and column.
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
     * The root element of the document in {@code contents}: a text, or a binary read as {@link XmlReader} decodes it.
     */
    static Element parse(Object contents, Object encoding, String function) {
        Object v = Values.strip(contents);
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        // an internal DTD's entities are expanded (within the JDK's expansion limits); nothing external is read:
        // an external DTD or entity resolves to nothing
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, true);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setXMLReporter((message, type, info, location) -> { }); // errors are raised, not printed
        factory.setXMLResolver((publicId, systemId, base, namespace) -> new java.io.ByteArrayInputStream(new byte[0]));
        if (v instanceof String s) {
            return read(() -> factory.createXMLStreamReader(new StringReader(s)), function);
        }
        if (v instanceof MBinary b) {
            try (InputStream in = b.open()) {
                Reader reader = new XmlReader(in, encoding, function);
                return read(() -> factory.createXMLStreamReader(reader), function);
            } catch (IOException e) {
                throw new MException("DataSource.Error", function + ": the XML could not be read: " + e.getMessage());
            } catch (XmlReader.BadBytes e) {
                throw Errors.dataFormat(function + ": the input is not valid XML (line " + e.line + ", column "
                        + e.column + "): its bytes are not valid " + e.charset + ".");
            }
        }
        throw Errors.expression(function + " expects a text or a binary, not " + Values.describe(v) + ".");
    }

    /**
     * The characters of an XML binary: its byte-order mark's encoding, else the code page asked for, else UTF-16 when
     * the bytes start as "&lt;?" does in it, else the XML declaration's encoding, else UTF-8. Bytes that are not valid
     * in it stop the reading with their line and column (the JDK's parser would print them to the console).
     */
    static final class XmlReader extends Reader {
        static final class BadBytes extends RuntimeException {
            final int line;
            final int column;
            final String charset;

            BadBytes(int line, int column, String charset) {
                super(null, null, false, false);
                this.line = line;
                this.column = column;
                this.charset = charset;
            }
        }

        private final InputStream in;
        private final java.nio.charset.CharsetDecoder decoder;
        private final String charset;
        private final java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(8192).flip();
        private final java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(8192).flip();
        private boolean bad;
        private boolean eof;
        private boolean done;
        private int line = 1;
        private int column = 1;

        XmlReader(InputStream stream, Object codePage, String function) throws IOException {
            java.io.PushbackInputStream peek = new java.io.PushbackInputStream(stream, 512);
            byte[] head = new byte[512];
            int n = peek.readNBytes(head, 0, head.length);
            java.nio.charset.Charset cs;
            int skip = 0;
            if (n >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
                cs = java.nio.charset.StandardCharsets.UTF_8;
                skip = 3;
            } else if (n >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe) {
                cs = java.nio.charset.StandardCharsets.UTF_16LE;
                skip = 2;
            } else if (n >= 2 && (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff) {
                cs = java.nio.charset.StandardCharsets.UTF_16BE;
                skip = 2;
            } else if (codePage != null) {
                cs = Encodings.charset(codePage);
            } else if (n >= 2 && head[0] == '<' && head[1] == 0) {
                cs = java.nio.charset.StandardCharsets.UTF_16LE;
            } else if (n >= 2 && head[0] == 0 && head[1] == '<') {
                cs = java.nio.charset.StandardCharsets.UTF_16BE;
            } else {
                cs = declared(new String(head, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1), function);
            }
            if (n > skip) {
                peek.unread(head, skip, n - skip);
            }
            this.in = peek;
            this.charset = cs.name();
            this.decoder = cs.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        }

        private static java.nio.charset.Charset declared(String head, String function) {
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']").matcher(head);
            if (!m.find()) {
                return java.nio.charset.StandardCharsets.UTF_8;
            }
            String name = m.group(1);
            try {
                // UTF-16 declared in bytes that read as ASCII cannot be; those bytes are UTF-8
                return name.toUpperCase(java.util.Locale.ROOT).startsWith("UTF-16")
                        ? java.nio.charset.StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(name);
            } catch (IllegalArgumentException e) {
                throw Errors.dataFormat(function + ": the XML declaration's encoding '" + name + "' is not supported.");
            }
        }

        /** Decodes more characters into {@code chars}; false at the end. Bad bytes are raised once all before them
         * have been read. */
        private boolean fill() throws IOException {
            if (done) {
                return false;
            }
            chars.clear();
            while (chars.position() == 0) {
                if (bad) {
                    throw new BadBytes(line, column, charset);
                }
                if (!eof && !bytes.hasRemaining() || bytes.remaining() < 4 && !eof) {
                    bytes.compact();
                    int got = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (got < 0) {
                        eof = true;
                    } else {
                        bytes.position(bytes.position() + got);
                    }
                    bytes.flip();
                }
                java.nio.charset.CoderResult result = decoder.decode(bytes, chars, eof);
                if (result.isError()) {
                    bad = true;
                } else if (eof && !bytes.hasRemaining()) {
                    decoder.flush(chars);
                    if (chars.position() == 0) {
                        chars.flip();
                        done = true;
                        return false;
                    }
                }
            }
            chars.flip();
            return true;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (!chars.hasRemaining() && !fill()) {
                return -1;
            }
            int got = Math.min(length, chars.remaining());
            chars.get(buffer, offset, got);
            for (int i = offset; i < offset + got; i++) {
                if (buffer[i] == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            return got;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
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
                            String prefix = r.getAttributePrefix(i);
                            e.attributes.add(new Attr(ns == null ? "" : ns, prefix == null ? "" : prefix,
                                    r.getAttributeLocalName(i), r.getAttributeValue(i), false));
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
            if (e instanceof MException || e instanceof XmlReader.BadBytes) {
                throw e;
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
