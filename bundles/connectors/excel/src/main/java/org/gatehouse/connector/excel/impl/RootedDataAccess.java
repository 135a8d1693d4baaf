package org.gatehouse.connector.excel.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.GatewayFiles;
import org.gatehouse.powerquery.BinarySource;
import org.gatehouse.powerquery.DataAccess;
import org.gatehouse.powerquery.LocalFileAccess;
import org.gatehouse.powerquery.MException;
import org.gatehouse.powerquery.QueryResult;

/**
 * What the M code of one workbook may read: files and folders the gateway may read ({@link GatewayFiles}, the file
 * connector's allowed roots), after the data source's path map has turned the author's paths into local ones, and the workbook itself for {@code Excel.CurrentWorkbook()}.
 * Databases and web resources are read only through the gateway's own data sources ({@link GatewaySources}), so a
 * workbook reaches no host, database or credentials the owner has not configured.
 */
final class RootedDataAccess implements DataAccess {

    /** The M error reason of a path outside the allowed roots. */
    static final String REFUSED = "DataSource.Error";

    private final GatewayFiles files;
    private final LocalFileAccess remapping = new LocalFileAccess();
    private final byte[] workbook;
    private final GatewaySources sources;

    RootedDataAccess(GatewayFiles files, PathMap pathMap, byte[] workbook, GatewaySources sources) {
        this.files = files;
        this.workbook = workbook;
        this.sources = sources;
        // only LocalFileAccess's prefix remapping is used (case-insensitive, either slash); it never reads here
        for (Map.Entry<String, String> e : pathMap.entries().entrySet()) {
            remapping.map(e.getKey(), e.getValue());
        }
    }

    /** The local path an M path stands for, checked against the roots (its real location too when it exists). */
    Path local(String mPath) {
        Path local;
        try {
            local = remapping.resolve(mPath);
        } catch (RuntimeException e) {
            throw new MException(REFUSED, "'" + mPath + "' is not a valid path on the gateway machine.", mPath, null);
        }
        try {
            return files.readable(local.toString());
        } catch (ConnectorException e) {
            String mapped = local.toString().equals(mPath) ? "" : " ('" + mPath + "' in the workbook)";
            throw new MException(REFUSED, "Access refused: " + e.getMessage() + mapped, mPath, null);
        }
    }

    @Override
    public byte[] fileContents(String path) {
        Path local = local(path);
        if (!Files.isRegularFile(local)) {
            throw new MException("DataSource.NotFound", "Could not find file '" + path + "'.", path, null);
        }
        try {
            return Files.readAllBytes(local);
        } catch (IOException e) {
            throw new MException("DataSource.Error", "Could not read file '" + path + "': " + e.getMessage(), path,
                    null);
        }
    }

    /** File.Contents read as a stream (a large CSV is never held); the same checks as {@link #fileContents}. */
    @Override
    public BinarySource fileStream(String path) {
        Path local = local(path);
        if (!Files.isRegularFile(local)) {
            throw new MException("DataSource.NotFound", "Could not find file '" + path + "'.", path, null);
        }
        // every read checks the path against the roots again: M may re-read the file long after this call
        return () -> Files.newInputStream(local(path));
    }

    /** The local folder an M folder path stands for, checked against the roots; NotFound when it is no folder. */
    private Path localFolder(String path) {
        Path folder = local(path);
        if (!Files.isDirectory(folder)) {
            throw new MException("DataSource.NotFound", "Could not find folder '" + path + "'.", path, null);
        }
        return folder;
    }

    /** The folder as the author wrote it, with backslashes and a trailing one: Folder Path as Power Query shows it. */
    private static String authorFolderPath(String path) {
        String authorFolder = path.replace('/', '\\');
        return authorFolder.endsWith("\\") ? authorFolder : authorFolder + "\\";
    }

    @Override
    public List<FolderEntry> folderFiles(String path) {
        Path folder = localFolder(path);
        String prefix = authorFolderPath(path);
        List<FolderEntry> entries = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                // a link inside the folder pointing out of the roots is refused like any other path
                Path real = files.readable(file.toString());
                String relative = folder.relativize(file.getParent()).toString().replace('/', '\\');
                entries.add(new FolderEntry(file.getFileName().toString(),
                        relative.isEmpty() ? prefix : prefix + relative + "\\", real.toString()));
            }
        } catch (ConnectorException e) {
            throw new MException(REFUSED, "Access refused: " + e.getMessage(), path, null);
        } catch (IOException e) {
            throw new MException("DataSource.Error", "Could not list folder '" + path + "': " + e.getMessage(), path,
                    null);
        }
        return entries;
    }

    /**
     * Folder.Contents: the folder's own files and subfolders. A subfolder is listed by the author's path, so reading
     * its Content comes back here and passes the root checks again.
     */
    @Override
    public List<FolderEntry> folderContents(String path) {
        Path folder = localFolder(path);
        String prefix = authorFolderPath(path);
        String separator = path.contains("\\") ? "\\" : "/";
        String asWritten = path.endsWith(separator) ? path : path + separator;
        List<FolderEntry> entries = new ArrayList<>();
        try (Stream<Path> children = Files.list(folder)) {
            // Windows lists a folder in name order regardless of case, and Power Query shows that order
            for (Path child : children.sorted(java.util.Comparator.comparing((Path c) -> c.getFileName().toString(),
                    String.CASE_INSENSITIVE_ORDER)).toList()) {
                Path real = files.readable(child.toString());
                String name = child.getFileName().toString();
                entries.add(Files.isDirectory(real)
                        ? new FolderEntry(name, prefix, asWritten + name, null, null, null, -1, false, false, true)
                        : new FolderEntry(name, prefix, real.toString()));
            }
        } catch (ConnectorException e) {
            throw new MException(REFUSED, "Access refused: " + e.getMessage(), path, null);
        } catch (IOException e) {
            throw new MException("DataSource.Error", "Could not list folder '" + path + "': " + e.getMessage(), path,
                    null);
        }
        return entries;
    }

    @Override
    public byte[] webContents(String url) {
        return sources.webContents(url, Map.of());
    }

    @Override
    public byte[] webContents(String url, Map<String, String> headers) {
        return sources.webContents(url, headers);
    }

    @Override
    public byte[] webPost(String url, Map<String, String> headers, byte[] content) {
        return sources.webPost(url, headers, content);
    }

    @Override
    public QueryResult sqlQuery(String server, String database, String query) {
        return sources.sqlQuery(server, database, query);
    }

    @Override
    public QueryResult odataRows(String url) {
        return sources.odataRows(url);
    }

    @Override
    public byte[] odataFeed(String url) {
        // OData.Feed asks odataRows first, which always answers here
        throw new MException("Expression.Error", "OData.Feed is read as rows through the gateway's web data source.");
    }

    @Override
    public byte[] currentWorkbook() {
        return workbook;
    }
}
