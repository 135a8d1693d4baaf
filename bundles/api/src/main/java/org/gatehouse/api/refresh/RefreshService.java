package org.gatehouse.api.refresh;

import java.util.List;

/** Runs dataset refreshes. Implemented by the core; called by the relay, the shell and the scheduler. */
public interface RefreshService {

    /**
     * Runs the request's queries one after another, streaming each result into the sink as it is read.
     *
     * @throws RefreshException when the dataset is unknown, a data source fails, or the sink cannot deliver
     */
    RefreshOutcome refresh(RefreshRequest request, ResultSink sink) throws RefreshException;

    /** The names of the datasets this gateway can refresh. */
    List<String> datasets();
}
