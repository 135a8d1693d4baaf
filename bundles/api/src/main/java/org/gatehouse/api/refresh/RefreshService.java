package org.gatehouse.api.refresh;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Runs dataset refreshes. Implemented by the core; called by the relay, the shell and the scheduler. */
@ProviderType
public interface RefreshService {

    /**
     * Runs the request's queries one after another, streaming each result into the sink as it is read.
     *
     * @throws RefreshException when the dataset is unknown, a data source fails, or the sink cannot deliver
     */
    RefreshOutcome refresh(RefreshRequest request, ResultSink sink) throws RefreshException;

    /** The names of the datasets this gateway can refresh. */
    List<String> datasets();

    /**
     * Cancels every refresh of the dataset running right now. Each stops as soon as its connector lets go (the query
     * is cancelled at the data source, its connection released) and fails with {@link FailureReason#CANCELLED} and
     * the message {@code cancelled by <requestedBy>}, which its requester gets and the history records. A refresh
     * whose connector is still opening its source (a query that has not returned its first rows) stops as soon as
     * the source is open.
     *
     * @param dataset     the dataset's name
     * @param requestedBy who asks, as in {@link RefreshRequest#trigger()} (e.g. {@code shell:alice}, {@code relay})
     * @return true when a refresh of the dataset was running and is now being cancelled, false when none was
     */
    boolean cancel(String dataset, String requestedBy);
}
