package org.gatehouse.connector.file.impl;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.ConnectorException.Reason;
import org.gatehouse.connector.file.format.RecordRowSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The file connector's errors, each naming the data source and query. */
final class FileFailures implements RecordRowSource.Failures {

    private static final Logger LOG = LoggerFactory.getLogger(FileFailures.class);

    private final String dataSourceId;
    private final String queryName;

    FileFailures(String dataSourceId, String queryName) {
        this.dataSourceId = dataSourceId;
        this.queryName = queryName;
    }

    private String prefix() {
        return "data source " + dataSourceId + ", query " + queryName + ": ";
    }

    ConnectorException refused(String why) {
        return new ConnectorException(Reason.INVALID_SETTINGS, prefix() + why);
    }

    ConnectorException unsupported(String why) {
        return new ConnectorException(Reason.UNSUPPORTED, prefix() + why);
    }

    @Override
    public ConnectorException malformed(String message) {
        return new ConnectorException(Reason.QUERY_FAILED, prefix() + message);
    }

    @Override
    public ConnectorException readFailed(String location, IOException cause) {
        return new ConnectorException(Reason.SOURCE_UNREACHABLE, prefix() + describe(location, cause), cause);
    }

    static String describe(String location, IOException cause) {
        if (cause instanceof NoSuchFileException e) {
            return "'" + (e.getFile() == null ? location : e.getFile()) + "' does not exist (removed or renamed "
                    + "while the gateway read it?)";
        }
        if (cause instanceof AccessDeniedException e) {
            return "'" + (e.getFile() == null ? location : e.getFile()) + "' cannot be opened: access denied";
        }
        if (cause instanceof FileSystemException e && e.getReason() != null) {
            // Windows reports a file another process holds locked this way
            return "'" + (e.getFile() == null ? location : e.getFile()) + "' cannot be read: " + e.getReason();
        }
        return "reading failed at " + location + ": " + cause;
    }

    @Override
    public ConnectorException cancelled() {
        return new ConnectorException(Reason.CANCELLED, prefix() + "the read was cancelled");
    }

    @Override
    public void skipped(long count, String firstProblem) {
        LOG.warn("Data source {}, query {}: skipped {} malformed row(s); the first: {}", dataSourceId, queryName,
                count, firstProblem);
    }
}
