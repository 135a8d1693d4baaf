package org.gatehouse.connector.file.format;

/**
 * How a delimited text file is written. {@code escape} is the character that makes the next one literal inside a
 * quoted field; -1 means the CSV convention of doubling the quote. {@code quote} -1 turns quoting off (plain TSV).
 */
public record CsvOptions(char delimiter, int quote, int escape, boolean header, int maxFieldChars) {

    public static final int DEFAULT_MAX_FIELD_CHARS = 1 << 20;

    public static CsvOptions csv() {
        return new CsvOptions(',', '"', -1, true, DEFAULT_MAX_FIELD_CHARS);
    }

    /** Parses a delimiter, quote or escape setting: one character, or "tab", "\t", "none". */
    public static int character(String setting, int defaultValue, String what) {
        if (setting == null || setting.isEmpty()) {
            return defaultValue;
        }
        switch (setting) {
            case "tab", "\\t", "\t":
                return '\t';
            case "none":
                return -1;
            case "space":
                return ' ';
            default:
                if (setting.length() != 1) {
                    throw new IllegalArgumentException(what + " must be one character, 'tab' or 'none', got '"
                            + setting + "'");
                }
                return setting.charAt(0);
        }
    }
}
