package org.gatehouse.powerquery.impl.lib;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The shared strings part ({@code xl/sharedStrings.xml}): one text per {@code <si>}, its {@code <t>} or the
 * concatenation of its runs, without phonetic runs ({@code <rPh>}), with Excel's {@code _xHHHH_} escapes decoded.
 */
final class XlsxStrings {

    /** How OOXML writes a character XML cannot hold (a control character such as a carriage return). */
    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    private XlsxStrings() {
    }

    static List<String> read(InputStream part) throws IOException {
        List<String> strings = new ArrayList<>();
        if (part == null) {
            return strings;
        }
        try {
            XMLStreamReader xml = XlsxPackage.xmlReader(part);
            StringBuilder text = null;
            boolean phonetic = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "si" -> text = new StringBuilder();
                        case "rPh" -> phonetic = true;
                        case "t" -> {
                            String t = xml.getElementText();
                            if (text != null && !phonetic) {
                                text.append(t);
                            }
                        }
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (xml.getLocalName().equals("rPh")) {
                        phonetic = false;
                    } else if (xml.getLocalName().equals("si") && text != null) {
                        strings.add(decode(text.toString()));
                        text = null;
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException("the shared strings are not XML: " + e.getMessage(), e);
        }
        return strings;
    }

    /** The text with each {@code _xHHHH_} replaced by the character it stands for. */
    static String decode(String text) {
        if (text.indexOf("_x") < 0) {
            return text;
        }
        Matcher m = ESCAPE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
