package org.gatehouse.powerquery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Local files, with prefix remapping: a workbook written on another machine names paths such as
 * {@code C:\Users\x\Desktop\data.csv}; {@code map("C:\Users\x\Desktop", "/data")} makes that {@code /data/data.csv}.
 * Prefixes compare case-insensitively and with either slash, as Windows would.
 */
public final class LocalFileAccess implements DataAccess {

    private final Map<String, String> prefixes = new LinkedHashMap<>();
    private byte[] currentWorkbook;

    public LocalFileAccess map(String from, String to) {
        prefixes.put(normalize(from), to);
        return this;
    }

    public LocalFileAccess currentWorkbook(byte[] workbook) {
        this.currentWorkbook = workbook;
        return this;
    }

    private static String normalize(String p) {
        String s = withoutFileScheme(p).replace('\\', '/');
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * A file URI as its path: {@code file:///C:\dir\page.html} is C:\dir\page.html, {@code file://server/share} is
     * //server/share, %XX escapes decoded (a tool's published query reads its report as
     * {@code Web.Page(File.Contents("file:///C:\MultiMeta\Tool\WORK\MultiMeta.html"))}).
     */
    static String withoutFileScheme(String p) {
        if (!p.regionMatches(true, 0, "file:", 0, 5)) {
            return p;
        }
        String rest = p.substring(5).replace('\\', '/');
        if (rest.startsWith("///")) {
            rest = rest.substring(3);
            // file:///home/x on a Unix-like machine
            if (!(rest.length() >= 2 && rest.charAt(1) == ':')) {
                rest = "/" + rest;
            }
        } else if (rest.startsWith("//")) {
            rest = rest.startsWith("//localhost/") ? rest.substring("//localhost/".length()) : rest;
        }
        try {
            return java.net.URLDecoder.decode(rest.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return rest;
        }
    }

    /** The local path a path written in M resolves to. */
    public Path resolve(String path) {
        String p = normalize(path);
        String best = null;
        for (String from : prefixes.keySet()) {
            boolean matches = p.equalsIgnoreCase(from) || p.toLowerCase(java.util.Locale.ROOT).startsWith(from.toLowerCase(java.util.Locale.ROOT) + "/");
            if (matches && (best == null || from.length() > best.length())) {
                best = from;
            }
        }
        if (best == null) {
            return Path.of(withoutFileScheme(path));
        }
        String rest = p.substring(best.length());
        return Path.of(prefixes.get(best) + rest);
    }

    @Override
    public byte[] fileContents(String path) {
        Path local = resolve(path);
        try {
            return Files.readAllBytes(local);
        } catch (IOException e) {
            throw new MException("DataSource.NotFound", "Could not find file '" + path + "' (looked at " + local + ").",
                    path, null);
        }
    }

    @Override
    public BinarySource fileStream(String path) {
        Path local = resolve(path);
        if (!Files.isRegularFile(local) || !Files.isReadable(local)) {
            throw new MException("DataSource.NotFound", "Could not find file '" + path + "' (looked at " + local + ").",
                    path, null);
        }
        return () -> Files.newInputStream(local);
    }

    /** A file with the times and attributes Folder.Files shows (Date accessed/modified/created, Attributes). */
    private static FolderEntry entry(Path f, String dir) {
        return entry(f, dir, f.toString());
    }

    /** An entry read by {@code readPath}: the local path for a file, the path as M wrote it for a subfolder. */
    private static FolderEntry entry(Path f, String dir, String readPath) {
        try {
            java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(f,
                    java.nio.file.attribute.BasicFileAttributes.class);
            return new FolderEntry(f.getFileName().toString(), dir, readPath, local(a.lastAccessTime()),
                    local(a.lastModifiedTime()), local(a.creationTime()), a.isDirectory() ? -1 : a.size(),
                    f.getFileName().toString().startsWith("."), !Files.isWritable(f), a.isDirectory());
        } catch (IOException e) {
            return new FolderEntry(f.getFileName().toString(), dir, readPath);
        }
    }

    private static java.time.LocalDateTime local(java.nio.file.attribute.FileTime t) {
        return java.time.LocalDateTime.ofInstant(t.toInstant(), java.time.ZoneId.systemDefault());
    }

    @Override
    public List<FolderEntry> folderFiles(String path) {
        Path local = resolve(path);
        List<FolderEntry> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(local)) {
            files.filter(Files::isRegularFile).sorted().forEach(f -> {
                String folder = path.replace('/', '\\');
                String relative = local.relativize(f.getParent()).toString().replace('/', '\\');
                String dir = (folder.endsWith("\\") ? folder : folder + "\\") + (relative.isEmpty() ? "" : relative + "\\");
                out.add(entry(f, dir));
            });
        } catch (IOException e) {
            throw new MException("DataSource.NotFound", "Could not find folder '" + path + "'.", path, null);
        }
        return out;
    }

    /**
     * Folder.Contents: the folder's files and subfolders, in name order, under the folder path as M wrote it. A
     * subfolder is read by its path as M would write it (in the author's own separators), so listing it goes through
     * the same prefix mapping and its children's Folder Path stays the author's.
     */
    @Override
    public List<FolderEntry> folderContents(String path) {
        Path local = resolve(path);
        if (!Files.isDirectory(local)) {
            throw new MException("DataSource.NotFound", "Could not find folder '" + path + "'.", path, null);
        }
        String folder = path.replace('/', '\\');
        String dir = folder.endsWith("\\") ? folder : folder + "\\";
        List<FolderEntry> out = new ArrayList<>();
        try (Stream<Path> children = Files.list(local)) {
            String separator = path.contains("\\") ? "\\" : "/";
            String authorFolder = path.endsWith(separator) ? path : path + separator;
            // Windows lists a folder in name order regardless of case, and Power Query shows that order
            children.sorted(java.util.Comparator.comparing((Path f) -> f.getFileName().toString(),
                    String.CASE_INSENSITIVE_ORDER)).forEach(f -> out.add(Files.isDirectory(f)
                    ? entry(f, dir, authorFolder + f.getFileName()) : entry(f, dir)));
        } catch (IOException e) {
            throw new MException("DataSource.NotFound", "Could not find folder '" + path + "'.", path, null);
        }
        return out;
    }

    @Override
    public byte[] currentWorkbook() {
        return currentWorkbook;
    }
}
