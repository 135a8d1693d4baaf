package org.gatehouse.connector.file.format;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * Turns bytes into text. A byte order mark decides for UTF-8 and UTF-16 (and is dropped); without one the configured
 * encoding is used, UTF-8 by default. Bytes that are not valid in the encoding are an error, not replacement
 * characters: a Windows-1252 file read as UTF-8 must not quietly turn into question marks.
 */
public final class TextDecoding {

    private TextDecoding() {
    }

    /** The charset named by a setting; null or blank means UTF-8 (with BOM detection). */
    public static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("unknown encoding '" + name.trim() + "'");
        }
    }

    public static Reader reader(InputStream in, Charset configured) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
        Charset charset = configured;
        if (bomDetectable(configured)) {
            buffered.mark(3);
            int b1 = buffered.read();
            int b2 = buffered.read();
            int b3 = buffered.read();
            buffered.reset();
            if (b1 == 0xEF && b2 == 0xBB && b3 == 0xBF) {
                charset = StandardCharsets.UTF_8;
                buffered.skipNBytes(3);
            } else if (b1 == 0xFE && b2 == 0xFF) {
                charset = StandardCharsets.UTF_16BE;
                buffered.skipNBytes(2);
            } else if (b1 == 0xFF && b2 == 0xFE) {
                charset = StandardCharsets.UTF_16LE;
                buffered.skipNBytes(2);
            }
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(buffered, decoder);
    }

    private static boolean bomDetectable(Charset charset) {
        String name = charset.name().toUpperCase(Locale.ROOT);
        return name.equals("UTF-8") || name.startsWith("UTF-16");
    }
}
