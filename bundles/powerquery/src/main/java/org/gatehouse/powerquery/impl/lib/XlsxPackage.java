package org.gatehouse.powerquery.impl.lib;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * The parts of an .xlsx/.xlsm package (Open Packaging Conventions), read from the zip in memory through its central
 * directory: a part is inflated only when it is read, so a workbook never sits in memory uncompressed as a whole, and
 * a query reading one sheet does not pay for the others (nor for drawings, pivot caches or the DataMashup).
 */
final class XlsxPackage {

    /** A relationship of a part: its id, its type (the URI's last segment, e.g. "worksheet") and the part it names. */
    record Relationship(String id, String type, String target) { }

    /**
     * The zip. It is never closed: it reads a byte array, holds no file or other resource, and the navigation table's
     * items read their sheets from it after Excel.Workbook returned.
     */
    private final ZipFile zip;
    /** The zip's entries by name, lower-cased: part names are case-insensitive in OPC. */
    private final Map<String, ZipArchiveEntry> entries = new HashMap<>();

    private XlsxPackage(ZipFile zip) {
        this.zip = zip;
    }

    static XlsxPackage open(byte[] bytes) throws IOException {
        // the central directory, not the entries' local headers, says where each part is and how long: zips written
        // by other tools than Excel (streaming writers with data descriptors) defeat a front-to-back reading
        XlsxPackage pkg = new XlsxPackage(ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get());
        for (ZipArchiveEntry e : java.util.Collections.list(pkg.zip.getEntries())) {
            pkg.entries.put(e.getName().toLowerCase(Locale.ROOT), e);
        }
        return pkg;
    }

    /** A small part's bytes (relationships, the workbook, a table definition), or null when there is no such part. */
    byte[] part(String name) throws IOException {
        try (InputStream in = stream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    /** A part's content as a stream, inflated as the caller reads it; null when the package has no such part. */
    InputStream stream(String name) throws IOException {
        ZipArchiveEntry entry = entries.get(name.toLowerCase(Locale.ROOT));
        return entry == null ? null : zip.getInputStream(entry);
    }

    /** The part the package's root relationship of type {@code type} names (e.g. "officeDocument": the workbook). */
    String rootPart(String type) throws IOException {
        for (Relationship r : relationships("")) {
            if (r.type().equals(type)) {
                return r.target();
            }
        }
        return null;
    }

    /** The relationships of a part (of the package when {@code partName} is ""), in the order the file lists them. */
    List<Relationship> relationships(String partName) throws IOException {
        int slash = partName.lastIndexOf('/');
        String folder = slash < 0 ? "" : partName.substring(0, slash + 1);
        String relsName = folder + "_rels/" + partName.substring(slash + 1) + ".rels";
        byte[] rels = part(relsName);
        List<Relationship> out = new ArrayList<>();
        if (rels == null) {
            return out;
        }
        try {
            XMLStreamReader xml = xmlReader(new ByteArrayInputStream(rels));
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("Relationship")
                        && !"External".equals(xml.getAttributeValue(null, "TargetMode"))) {
                    String type = xml.getAttributeValue(null, "Type");
                    out.add(new Relationship(xml.getAttributeValue(null, "Id"),
                            type == null ? "" : type.substring(type.lastIndexOf('/') + 1),
                            resolve(folder, xml.getAttributeValue(null, "Target"))));
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException("the relationships " + relsName + " are not XML: " + e.getMessage(), e);
        }
        return out;
    }

    /** A relationship target made a part name: absolute targets start at the package root, others at the folder. */
    static String resolve(String folder, String target) {
        String path = target.startsWith("/") ? target.substring(1) : folder + target;
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/")) {
            if (s.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
            } else if (!s.isEmpty() && !s.equals(".")) {
                segments.add(s);
            }
        }
        return String.join("/", segments);
    }

    /** A StAX reader that neither loads DTDs nor expands external entities (the workbook is untrusted input). */
    static XMLStreamReader xmlReader(InputStream in) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory.createXMLStreamReader(in);
    }
}
