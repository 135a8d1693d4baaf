package org.gatehouse.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Edits Karaf {@code etc/*.cfg} files (Java properties syntax) key by key, keeping their comments and layout, so
 * the benchmark's copy of the distribution differs from the shipped one only in the keys it must change.
 */
final class CfgFile {

    private final Path file;

    CfgFile(Path file) {
        this.file = file;
    }

    /** Sets one key: replaces its active (uncommented) line, or appends one when the file has none. */
    void set(String key, String value) throws IOException {
        Pattern active = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*[=:].*$");
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        String line = key + " = " + escape(value);
        boolean replaced = false;
        for (int i = 0; i < lines.size() && !replaced; i++) {
            if (active.matcher(lines.get(i)).matches()) {
                lines.set(i, line);
                replaced = true;
            }
        }
        if (!replaced) {
            lines.add(line);
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** Writes a new file holding exactly these settings, in this order, under a comment saying who wrote it. */
    static void create(Path file, String comment, Map<String, String> settings) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# " + comment);
        settings.forEach((key, value) -> lines.add(key + " = " + escape(value)));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** A backslash starts an escape in properties syntax; none of our values means one. */
    static String escape(String value) {
        return value.replace("\\", "\\\\");
    }
}
