package org.gatehouse.powerquery;

import java.util.List;
import java.util.Map;

/**
 * Where M's data-access functions get their bytes. The gateway implements this with its connectors, credentials and
 * allowed roots; {@link LocalFileAccess} serves the command line. Anything a source cannot do raises an M error.
 */
public interface DataAccess {

    /** {@code File.Contents(path)}: the path exactly as the M author wrote it (often a Windows path). */
    byte[] fileContents(String path);

    /**
     * {@code File.Contents(path)} read as a stream: the returned source opens the file afresh each time M reads the
     * binary. Checks that the file can be read now, so a missing file fails where File.Contents is called. The default
     * reads the bytes once through {@link #fileContents}; implementations that can stream override it.
     */
    default BinarySource fileStream(String path) {
        byte[] bytes = fileContents(path);
        return () -> new java.io.ByteArrayInputStream(bytes);
    }

    /** {@code Folder.Files(path)}: files under a folder, recursively. */
    default List<FolderEntry> folderFiles(String path) {
        throw new MException("Expression.Error", "The function Folder.Files is not supported by this data access.");
    }

    /**
     * {@code Folder.Contents(path)}: the folder's direct children, files and subfolders ({@link FolderEntry#directory}),
     * each with the folder path as the M author wrote it. The engine reads a file entry through
     * {@link #fileStream}({@code path}) and lists a subfolder entry by calling this again with its {@code path}, when
     * the subfolder's Content is read; so a subfolder's {@code path} should be one this method accepts (best the path as
     * the author would write it, which keeps the children's folder paths the author's) and is checked like any other.
     */
    default List<FolderEntry> folderContents(String path) {
        throw new MException("Expression.Error", "The function Folder.Contents is not supported by this data access.");
    }

    /** {@code Web.Contents(url)}. */
    default byte[] webContents(String url) {
        throw new MException("Expression.Error", "The function Web.Contents is not supported by this data access.");
    }

    /**
     * {@code Web.Contents(url, [Headers = ...])}: the URL with the options' RelativePath and Query applied. Without
     * headers this is {@link #webContents(String)}; headers need a data access that can send them.
     */
    default byte[] webContents(String url, Map<String, String> headers) {
        if (!headers.isEmpty()) {
            throw new MException("Expression.Error", "Web.Contents with Headers is not supported by this data access.");
        }
        return webContents(url);
    }

    /**
     * {@code Web.Contents(url, [Content = ...])}: a POST of {@code content} (the request's body) with these headers.
     * Only a data access that can send a body does.
     */
    default byte[] webPost(String url, Map<String, String> headers, byte[] content) {
        throw new MException("Expression.Error", "Web.Contents with Content (a POST) is not supported by this data "
                + "access.");
    }

    /**
     * {@code Sql.Database(server, database, [Query = "..."])}: the gateway runs the native query with the data source's
     * credentials and returns the rows as a result ({@link QueryResult#error()} unused).
     */
    default QueryResult sqlQuery(String server, String database, String query) {
        throw new MException("Expression.Error", "The function Sql.Database is not supported by this data access.");
    }

    /** {@code OData.Feed(url)}: the JSON document of the feed ({@code {"value": [...]}}), fetched with credentials. */
    default byte[] odataFeed(String url) {
        throw new MException("Expression.Error", "The function OData.Feed is not supported by this data access.");
    }

    /**
     * {@code OData.Feed(url)} as rows a data access has already read and typed (every page of the feed), or null to
     * have the engine read the single document {@link #odataFeed} returns.
     */
    default QueryResult odataRows(String url) {
        return null;
    }

    /** The workbook whose queries are being refreshed, for {@code Excel.CurrentWorkbook()}; null when there is none. */
    default byte[] currentWorkbook() {
        return null;
    }

    /**
     * One entry of a folder listing: its name, folder path (ending with a separator) and the path to read a file by;
     * its times (local) and attributes are null/false where the source has none. {@code directory} marks a subfolder
     * (only Folder.Contents lists those).
     */
    record FolderEntry(String name, String folderPath, String path, java.time.LocalDateTime accessed,
            java.time.LocalDateTime modified, java.time.LocalDateTime created, long size, boolean hidden,
            boolean readOnly, boolean directory) {

        public FolderEntry(String name, String folderPath, String path) {
            this(name, folderPath, path, null, null, null, -1, false, false, false);
        }

        /** A file: the form connectors built before subfolders were listed. */
        public FolderEntry(String name, String folderPath, String path, java.time.LocalDateTime accessed,
                java.time.LocalDateTime modified, java.time.LocalDateTime created, long size, boolean hidden,
                boolean readOnly) {
            this(name, folderPath, path, accessed, modified, created, size, hidden, readOnly, false);
        }
    }
}
