package org.gatehouse.api;

import java.nio.file.Path;

/**
 * The files and folders of the gateway machine that its owner lets the gateway read: one list of allowed roots for
 * the whole gateway ({@code allowedRoots} of {@code etc/org.gatehouse.connector.file.cfg}). Published by the file
 * connector, which owns that setting; connectors that read files named by other content (an Excel workbook, and the
 * files its Power Query reads) use it as a service, so the owner sets the roots in one place and no data source or
 * request can widen them.
 */
public interface GatewayFiles {

    /**
     * Where {@code path} really is, if the owner lets the gateway read it: the path must be absolute, free of
     * {@code ..} and inside an allowed root; when it exists, its real location (symbolic links followed) must be
     * inside one too. A path that does not exist passes on its text alone, so the caller can say it is missing.
     * Check again right before every read: the roots may change while a refresh runs.
     *
     * @throws ConnectorException {@link ConnectorException.Reason#INVALID_SETTINGS} saying why the path is refused
     *         and where the owner sets the roots
     */
    Path readable(String path) throws ConnectorException;
}
