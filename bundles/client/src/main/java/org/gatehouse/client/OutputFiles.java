package org.gatehouse.client;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** File naming and publishing for the result writers. */
final class OutputFiles {

    private OutputFiles() {
    }

    /**
     * The files for a result of several tables: {@code out.csv} becomes {@code out-<table>.csv}, one per table,
     * with the table name reduced to characters safe in file names on every OS. Names that collide (also by case,
     * for Windows and macOS) get the table's position appended.
     */
    static List<Path> perTable(Path target, List<String> tableNames) {
        String fileName = target.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        String extension = dot > 0 ? fileName.substring(dot) : "";
        Set<String> used = new HashSet<>();
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < tableNames.size(); i++) {
            String name = base + "-" + safeName(tableNames.get(i), i);
            if (!used.add((name + extension).toLowerCase(Locale.ROOT))) {
                name = name + "-" + (i + 1);
                used.add((name + extension).toLowerCase(Locale.ROOT));
            }
            paths.add(target.resolveSibling(name + extension));
        }
        return paths;
    }

    private static String safeName(String tableName, int index) {
        String safe = tableName == null ? "" : tableName.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.chars().allMatch(c -> c == '.') ? "table" + (index + 1) : safe;
    }

    /**
     * Creates a hidden part file beside the target, where a file is staged until it is published. Not
     * {@code Files.createTempFile}: that makes files readable by their owner only, and published results should get
     * the permissions any other new file in that directory gets.
     */
    static Path newPart(Path target) throws IOException {
        return Files.createFile(target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part"));
    }

    /** Moves a finished part file into place; readers of the target never see it half written. */
    static void publish(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
