package org.gatehouse.powerquery.impl.lib;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.gatehouse.powerquery.impl.value.MRecord;
import org.gatehouse.powerquery.impl.value.Values;

/**
 * Binary.InferContentType (binary-infercontenttype.md): a record with Content.Type, the inferred MIME type, and for
 * text also Content.Encoding, the code page. Recognised: Office Open XML workbooks and documents, other zip files,
 * JSON, HTML, XML, delimited text (text/csv: every one of the first lines holds the same positive number of one of
 * comma, semicolon, tab or pipe outside quotes) and other text. The delimiter and fixed-width analysis fields the page
 * mentions (Csv.PotentialDelimiter, Csv.PotentialPositions) are not produced: the page does not document their shape.
 */
final class ContentTypeInference {

    private static final int SAMPLE = 64 * 1024;
    private static final int SAMPLE_LINES = 20;
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};

    private ContentTypeInference() {
    }

    static void register(Library lib) {
        lib.fn("Binary.InferContentType", 1, 1, a -> infer(Values.binary(Args.v(a, 0)).bytes()));
    }

    static MRecord infer(byte[] bytes) {
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            return MRecord.of("Content.Type", zipType(bytes));
        }
        int codePage;
        String text;
        int offset = 0;
        if (startsWith(bytes, 0xef, 0xbb, 0xbf)) {
            codePage = 65001;
            offset = 3;
        } else if (startsWith(bytes, 0xff, 0xfe)) {
            codePage = 1200;
        } else if (startsWith(bytes, 0xfe, 0xff)) {
            codePage = 1201;
        } else {
            codePage = isUtf8(bytes) ? 65001 : 1252;
        }
        if (codePage == 65001 || codePage == 1252) {
            int n = Math.min(bytes.length - offset, SAMPLE);
            text = new String(bytes, offset, n, codePage == 65001 ? StandardCharsets.UTF_8 : Encodings.charset(1252.0));
        } else {
            text = Encodings.decode(bytes, (double) codePage);
        }
        if (text.indexOf('\0') >= 0) {
            return MRecord.of("Content.Type", "application/octet-stream"); // binary data, not text
        }
        return MRecord.of("Content.Type", textType(text), "Content.Encoding", (double) codePage);
    }

    private static String zipType(byte[] bytes) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().startsWith("xl/")) {
                    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                }
                if (e.getName().startsWith("word/")) {
                    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // an unreadable archive is still a zip file by its signature
        }
        return "application/zip";
    }

    private static String textType(String text) {
        String t = text.stripLeading();
        String lower = t.length() > 200 ? t.substring(0, 200).toLowerCase(java.util.Locale.ROOT) : t.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("{") || lower.startsWith("[")) {
            return "application/json";
        }
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html")) {
            return "text/html";
        }
        if (lower.startsWith("<")) {
            return lower.contains("<html") ? "text/html" : "text/xml";
        }
        return isDelimited(text) ? "text/csv" : "text/plain";
    }

    private static boolean isDelimited(String text) {
        List<Object> lines = new ArrayList<>();
        for (Object line : BinaryMoreFunctions.lines(text, true, false, ',', false)) {
            if (!((String) line).isBlank()) {
                lines.add(line);
            }
            if (lines.size() == SAMPLE_LINES) {
                break;
            }
        }
        if (lines.size() < 2) {
            return false;
        }
        if (text.length() >= SAMPLE && lines.size() < SAMPLE_LINES) {
            lines.remove(lines.size() - 1); // the sample may cut the last line short
        }
        for (char d : DELIMITERS) {
            int first = count((String) lines.get(0), d);
            boolean same = first > 0;
            for (int i = 1; same && i < lines.size(); i++) {
                same = count((String) lines.get(i), d) == first;
            }
            if (same) {
                return true;
            }
        }
        return false;
    }

    /** Delimiters outside double quotes. */
    private static int count(String line, char delimiter) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                n++;
            }
        }
        return n;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the sample decodes as UTF-8 (a sequence cut by the sample's end still counts). */
    private static boolean isUtf8(byte[] bytes) {
        int n = Math.min(bytes.length, SAMPLE);
        while (n > 0 && n < bytes.length && (bytes[n] & 0xc0) == 0x80) {
            n--; // don't cut a character in two
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, n));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
