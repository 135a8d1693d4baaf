package org.gatehouse.core.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes a configuration as FileInstall reads {@code etc/*.cfg} files: {@code key = value} lines escaped the way
 * java.util.Properties escapes them, in ISO-8859-1 with anything beyond it as {@code \\uXXXX}. The file appears at
 * once, complete (written aside, then moved into place), so FileInstall never reads half of it.
 */
final class CfgFile {

    private CfgFile() {
    }

    static void write(Path file, String header, Map<String, String> properties) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("# ").append(header).append('\n');
        properties.forEach((key, value) -> text.append(escape(key, true)).append(" = ").append(escape(value, false))
                .append('\n'));
        // a name FileInstall's filter (*.cfg) does not pick up while it is being written
        Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
        Files.writeString(partial, text, StandardCharsets.ISO_8859_1);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    }

    static String escape(String text, boolean key) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                case '\f' -> escaped.append("\\f");
                case '=', ':', '#', '!' -> escaped.append(key ? "\\" : "").append(c);
                case ' ' -> escaped.append(key || i == 0 ? "\\ " : " ");
                default -> {
                    if (c < 0x20 || c > 0xFF) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
