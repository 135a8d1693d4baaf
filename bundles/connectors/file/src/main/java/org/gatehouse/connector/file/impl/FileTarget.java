package org.gatehouse.connector.file.impl;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.gatehouse.connector.file.impl.AllowedRoots.PathRefusedException;

/**
 * What a query's text names: one file, or every file matching a glob (a folder source), plus for workbooks the
 * sheet or table after a '!' ({@code sales.xlsx!Orders}). Globs use Java's syntax: {@code *} within a folder,
 * {@code **} across folders, {@code {a,b}}, {@code [0-9]}. Files are listed at every refresh, sorted by path, so new
 * files are picked up by the next one.
 */
final class FileTarget {

    private static final Pattern WORKBOOK_ITEM = Pattern.compile("(?i)(.*\\.xls[xm])!(.+)");

    private final Path base;
    private final List<Path> files;
    private final boolean folder;
    private final String item;

    private FileTarget(Path base, List<Path> files, boolean folder, String item) {
        this.base = base;
        this.files = files;
        this.folder = folder;
        this.item = item;
    }

    /** Whether this is a folder source (a glob), whose rows carry the file name. */
    boolean isFolder() {
        return folder;
    }

    List<Path> files() {
        return files;
    }

    /** The sheet or table named in the query text, or null. */
    String item() {
        return item;
    }

    /** How a file is shown in errors and in the source column: relative to the glob's folder, else its name. */
    String shown(Path file) {
        return folder && file.startsWith(base) ? base.relativize(file).toString() : file.getFileName().toString();
    }

    static FileTarget resolve(String text, Path folderSetting, AllowedRoots roots)
            throws PathRefusedException, IOException {
        String path = text.trim();
        String item = null;
        Matcher workbook = WORKBOOK_ITEM.matcher(path);
        if (workbook.matches()) {
            path = workbook.group(1);
            item = workbook.group(2).trim();
        }
        int glob = firstGlobCharacter(path);
        if (glob < 0) {
            Path file = roots.check(path, folderSetting);
            if (!Files.exists(file)) {
                throw new java.nio.file.NoSuchFileException(text.trim());
            }
            Path real = roots.checkReal(file, text.trim());
            if (Files.isDirectory(real)) {
                throw new PathRefusedException("'" + text.trim() + "' is a folder; name a file, or a pattern such "
                        + "as " + text.trim().replaceAll("[/\\\\]$", "") + "/*.csv to combine its files");
            }
            return new FileTarget(real.getParent(), List.of(real), false, item);
        }
        int slash = Math.max(path.lastIndexOf('/', glob), path.lastIndexOf('\\', glob));
        String folderText = slash < 0 ? "" : path.substring(0, slash + 1);
        String pattern = path.substring(slash + 1);
        Path folder = roots.check(folderText.isEmpty() ? "." : folderText, folderSetting);
        if (!Files.isDirectory(folder)) {
            throw new java.nio.file.NoSuchFileException(folderText.isEmpty() ? "." : folderText);
        }
        Path realFolder = roots.checkReal(folder, folderText.isEmpty() ? "." : folderText);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        int depth = pattern.contains("**") ? Integer.MAX_VALUE : pattern.split("[/\\\\]").length;
        List<Path> matches = new ArrayList<>();
        // links are not followed while walking; a matching link is checked for where it leads, like any file
        try (Stream<Path> walk = Files.walk(realFolder, depth)) {
            for (Path candidate : (Iterable<Path>) walk::iterator) {
                Path relative = realFolder.relativize(candidate);
                if (relative.toString().isEmpty() || !matcher.matches(relative)) {
                    continue;
                }
                if (Files.isDirectory(candidate) && !Files.isSymbolicLink(candidate)) {
                    continue;
                }
                Path real = roots.checkReal(candidate, folderText + relative);
                if (Files.isRegularFile(real) && !hidden(relative)) {
                    matches.add(candidate);
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        matches.sort(null);
        return new FileTarget(realFolder, matches, true, item);
    }

    /** Office lock files (~$book.xlsx) and dot files are never data. */
    private static boolean hidden(Path relative) {
        String name = relative.getFileName().toString();
        return name.startsWith("~$") || name.startsWith(".");
    }

    private static int firstGlobCharacter(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return i;
            }
        }
        return -1;
    }

    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
