package org.gatehouse.client;

import org.gatehouse.api.ColumnType;

/** JSON text for values and strings (RFC 8259), written by hand to keep the SDK free of a JSON library. */
final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    /** A value of a column: numbers and booleans bare, everything else as a string, null as null. */
    static void appendValue(StringBuilder out, ColumnType type, Object value) {
        if (value == null) {
            out.append("null");
            return;
        }
        switch (type) {
            case BOOLEAN, INTEGER, LONG, DECIMAL -> out.append(ValueText.of(type, value));
            case DOUBLE -> {
                double d = (Double) value;
                if (Double.isFinite(d)) {
                    out.append(ValueText.of(type, value));
                } else {
                    // JSON has no NaN or Infinity; as text the value survives, as null it would be lost
                    appendString(out, Double.toString(d));
                }
            }
            default -> appendString(out, ValueText.of(type, value));
        }
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        appendString(out, s);
        return out.toString();
    }

    /**
     * A JSON string literal. Beyond what JSON requires (quote, backslash, control characters), U+2028 and U+2029 are
     * escaped because JavaScript readers choke on them, and unpaired surrogates because UTF-8 cannot carry them.
     */
    static void appendString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || isUnpairedSurrogate(s, i)) {
                        appendUnicodeEscape(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isUnpairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    private static void appendUnicodeEscape(StringBuilder out, char c) {
        out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
    }
}
