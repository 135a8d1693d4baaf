package org.gatehouse.connector.web.impl;

import java.io.IOException;

import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.ConnectorException.Reason;
import org.gatehouse.connector.file.format.RecordRowSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The web connector's errors, each naming the data source and query. */
final class WebFailures implements RecordRowSource.Failures {

    private static final Logger LOG = LoggerFactory.getLogger(WebFailures.class);

    private final String dataSourceId;
    private final String queryName;

    WebFailures(String dataSourceId, String queryName) {
        this.dataSourceId = dataSourceId;
        this.queryName = queryName;
    }

    @Override
    public ConnectorException malformed(String message) {
        return new ConnectorException(Reason.QUERY_FAILED, "data source " + dataSourceId + ", query " + queryName
                + ": " + message);
    }

    @Override
    public ConnectorException readFailed(String location, IOException cause) {
        if (cause instanceof WebProblem problem) {
            return problem.failure();
        }
        return new ConnectorException(Reason.SOURCE_UNREACHABLE, "data source " + dataSourceId + ", query "
                + queryName + ": reading " + location + " failed: " + cause, cause);
    }

    @Override
    public ConnectorException cancelled() {
        return new ConnectorException(Reason.CANCELLED, "data source " + dataSourceId + ", query " + queryName
                + ": the read was cancelled");
    }

    @Override
    public void skipped(long count, String firstProblem) {
        LOG.warn("Data source {}, query {}: skipped {} malformed row(s); the first: {}", dataSourceId, queryName,
                count, firstProblem);
    }
}
