package org.gatehouse.powerquery.impl.lib;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.gatehouse.powerquery.impl.value.Values;

/** Code page numbers as M uses them (65001, 1252, 1200...) to Java charsets; a byte-order mark wins. */
final class Encodings {

    private Encodings() {
    }

    static Charset charset(Object codePage) {
        if (codePage == null) {
            return StandardCharsets.UTF_8;
        }
        int cp = (int) Values.number(codePage);
        return switch (cp) {
            case 65001 -> StandardCharsets.UTF_8;
            case 1200 -> StandardCharsets.UTF_16LE;
            case 1201 -> StandardCharsets.UTF_16BE;
            case 20127 -> StandardCharsets.US_ASCII;
            case 28591 -> StandardCharsets.ISO_8859_1;
            default -> Charset.forName("windows-" + cp);
        };
    }

    /** A reader over the stream in its code page, unless it starts with a byte-order mark, as {@link #decode}. */
    static java.io.Reader reader(java.io.InputStream in, Object codePage) throws java.io.IOException {
        java.io.PushbackInputStream peek = new java.io.PushbackInputStream(in, 3);
        byte[] head = new byte[3];
        int n = peek.readNBytes(head, 0, 3);
        Charset charset = charset(codePage);
        int skip = 0;
        if (n == 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            charset = StandardCharsets.UTF_8;
            skip = 3;
        } else if (n >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        }
        if (n > skip) {
            peek.unread(head, skip, n - skip);
        }
        return new java.io.InputStreamReader(peek, charset.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE));
    }

    static String decode(byte[] b, Object codePage) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
            return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        return new String(b, charset(codePage));
    }
}
