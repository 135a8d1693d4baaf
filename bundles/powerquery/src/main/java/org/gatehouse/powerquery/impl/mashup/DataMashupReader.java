package org.gatehouse.powerquery.impl.mashup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.gatehouse.powerquery.MException;
import org.gatehouse.powerquery.MashupQuery;
import org.gatehouse.powerquery.WorkbookMashup;

/**
 * Finds and decodes the DataMashup stream ([MS-QDEFF]) of an Excel workbook (a base64 {@code customXml} part) or of a
 * .pbix/.pbit (a raw {@code DataMashup} entry): version, package-parts zip with {@code Formulas/Section1.m},
 * permissions, then metadata whose XML holds each query's load settings. The DPAPI-protected permission bindings that
 * follow cannot be checked off Windows and are not needed to evaluate.
 */
public final class DataMashupReader {

    static final String NAMESPACE = "http://schemas.microsoft.com/DataMashup";
    private static final Pattern ITEM = Pattern.compile("customXml/item(\\d+)\\.xml");

    private DataMashupReader() {
    }

    /**
     * Empty when the file is a zip package without Power Query, or an Excel 97-2003 (.xls) workbook, whose format cannot
     * hold one; an M error when it is neither a readable package nor an .xls.
     */
    public static Optional<WorkbookMashup> read(byte[] file) {
        if (org.gatehouse.powerquery.impl.lib.ExcelTables.isLegacyXls(file)) {
            return Optional.empty();
        }
        Map<String, byte[]> parts = unzip(file, "package");
        byte[] raw = parts.get("DataMashup");
        if (raw == null) {
            raw = fromCustomXml(parts);
        }
        return raw == null ? Optional.empty() : Optional.of(parseStream(raw));
    }

    static Map<String, byte[]> unzip(byte[] bytes, String what) {
        Map<String, byte[]> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                parts.put(e.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw corrupt("the " + what + " is not a readable zip: " + e.getMessage());
        }
        if (parts.isEmpty()) {
            throw corrupt("the " + what + " is not a zip package");
        }
        return parts;
    }

    private static MException corrupt(String message) {
        return new MException("DataFormat.Error", "Corrupt workbook: " + message);
    }

    private static byte[] fromCustomXml(Map<String, byte[]> parts) {
        for (Map.Entry<String, byte[]> p : parts.entrySet()) {
            Matcher m = ITEM.matcher(p.getKey());
            if (!m.matches()) {
                continue;
            }
            byte[] props = parts.get("customXml/itemProps" + m.group(1) + ".xml");
            String text = decodeXmlText(p.getValue());
            boolean named = props != null && decodeXmlText(props).contains(NAMESPACE);
            if (!named && !text.contains(NAMESPACE)) {
                continue;
            }
            int open = text.indexOf('>', text.indexOf("DataMashup"));
            int close = text.lastIndexOf("</");
            if (open < 0 || close < open) {
                throw corrupt("the DataMashup part has no content");
            }
            try {
                return Base64.getMimeDecoder().decode(text.substring(open + 1, close).trim());
            } catch (IllegalArgumentException e) {
                throw corrupt("the DataMashup part is not base64");
            }
        }
        return null;
    }

    /** Excel writes these parts as UTF-16LE with a byte-order mark; other tools write UTF-8. */
    static String decodeXmlText(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        int start = b.length >= 3 && (b[0] & 0xff) == 0xef ? 3 : 0;
        return new String(b, start, b.length - start, StandardCharsets.UTF_8);
    }

    static WorkbookMashup parseStream(byte[] raw) {
        ByteBuffer buf = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        try {
            int version = buf.getInt();
            if (version != 0) {
                throw corrupt("unknown DataMashup version " + version);
            }
            byte[] packageParts = block(buf);
            block(buf); // permissions
            byte[] metadata = block(buf);
            Map<String, byte[]> pkg = unzip(packageParts, "DataMashup package");
            byte[] section = pkg.get("Formulas/Section1.m");
            if (section == null) {
                throw corrupt("the DataMashup package has no Formulas/Section1.m");
            }
            String document = decodeXmlText(section);
            return new WorkbookMashup(document, queries(metadata), packageCulture(pkg.get("Config/Package.xml")));
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
            throw corrupt("the DataMashup stream is truncated");
        }
    }

    private static final java.util.regex.Pattern CULTURE = java.util.regex.Pattern.compile("<Culture>([^<]+)</Culture>");

    /** The culture Config/Package.xml names (e.g. en-IN), or null. */
    static String packageCulture(byte[] packageXml) {
        if (packageXml == null) {
            return null;
        }
        java.util.regex.Matcher m = CULTURE.matcher(decodeXmlText(packageXml));
        return m.find() ? m.group(1).trim() : null;
    }

    private static byte[] block(ByteBuffer buf) {
        int length = buf.getInt();
        if (length < 0 || length > buf.remaining()) {
            throw corrupt("a DataMashup length is out of range");
        }
        byte[] b = new byte[length];
        buf.get(b);
        return b;
    }

    /** Metadata: uint32 version, uint32 XML length, the XML, then a content zip we do not need. */
    private static List<MashupQuery> queries(byte[] metadata) {
        List<MashupQuery> out = new ArrayList<>();
        if (metadata.length < 8) {
            return out;
        }
        ByteBuffer buf = ByteBuffer.wrap(metadata).order(ByteOrder.LITTLE_ENDIAN);
        buf.getInt();
        byte[] xml = block(buf);
        Document doc = parseXml(xml);
        NodeList items = doc.getElementsByTagName("Item");
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            String type = text(item, "ItemType");
            String path = text(item, "ItemPath");
            if (!"Formula".equals(type) || path == null || path.chars().filter(c -> c == '/').count() != 1) {
                continue;
            }
            String name = URLDecoder.decode(path.substring(path.indexOf('/') + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
            Map<String, String> entries = new HashMap<>();
            NodeList es = item.getElementsByTagName("Entry");
            for (int k = 0; k < es.getLength(); k++) {
                Element e = (Element) es.item(k);
                entries.put(e.getAttribute("Type"), e.getAttribute("Value"));
            }
            out.add(new MashupQuery(name, "l1".equals(entries.get("FillEnabled")), stringEntry(entries.get("FillTarget")),
                    columnNames(stringEntry(entries.get("FillColumnNames"))), stringEntry(entries.get("ResultType")),
                    longEntry(entries.get("FillCount"))));
        }
        return out;
    }

    private static Document parseXml(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw corrupt("the DataMashup metadata is not XML: " + e.getMessage());
        }
    }

    private static String text(Element parent, String tag) {
        NodeList n = parent.getElementsByTagName(tag);
        return n.getLength() == 0 ? null : n.item(0).getTextContent();
    }

    /** Entry values carry a type letter: s = string, l = long/logical, d = date. */
    private static String stringEntry(String v) {
        return v == null || v.isEmpty() ? null : v.substring(1);
    }

    private static Long longEntry(String v) {
        try {
            return v == null || !v.startsWith("l") ? null : Long.parseLong(v.substring(1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** FillColumnNames is a JSON array of strings: {@code ["A","B"]}. */
    private static List<String> columnNames(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            List<String> out = new ArrayList<>();
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).forEach(n -> out.add(n.asText()));
            return out;
        } catch (IOException e) {
            return List.of();
        }
    }
}
