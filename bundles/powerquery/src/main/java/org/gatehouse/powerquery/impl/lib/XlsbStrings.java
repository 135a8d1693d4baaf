package org.gatehouse.powerquery.impl.lib;

import java.nio.charset.StandardCharsets;

import org.apache.poi.util.LittleEndian;

/**
 * The strings of .xlsb records ([MS-XLSB] XLWideString, XLNullableWideString): a 4-byte count of UTF-16LE code units,
 * then the units; a nullable string is null when the count is 0xFFFFFFFF. POI keeps its nullable reader
 * package-private, and the readers here need to know how far a string reaches to find the field after it.
 */
final class XlsbStrings {

    private static final long NULL_COUNT = 0xFFFFFFFFL;

    private XlsbStrings() {
    }

    /** The (nullable) wide string at {@code offset}: null for the null string. */
    static String read(byte[] data, int offset) {
        long count = LittleEndian.getUInt(data, offset);
        if (count == NULL_COUNT) {
            return null;
        }
        if (count > (data.length - offset - 4) / 2) {
            throw new IllegalArgumentException("a string runs past the end of its record");
        }
        return new String(data, offset + 4, 2 * (int) count, StandardCharsets.UTF_16LE);
    }

    /** How many bytes the (nullable) wide string at {@code offset} takes, its count included. */
    static int size(byte[] data, int offset) {
        long count = LittleEndian.getUInt(data, offset);
        return count == NULL_COUNT ? 4 : 4 + 2 * (int) count;
    }
}
