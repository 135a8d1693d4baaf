package org.gatehouse.api.gateway;

import java.util.List;
import java.util.Optional;

/** The refresh history, newest first. Kept in the gateway's store; survives restarts. */
public interface RefreshHistory {

    /**
     * @param dataset    only this dataset's refreshes, or null for all
     * @param failedOnly only refreshes that did not succeed (failed, cancelled, interrupted)
     * @param limit      at most this many entries
     */
    List<HistoryEntry> recent(String dataset, boolean failedOnly, int limit);

    /** The dataset's latest refresh that has ended. */
    Optional<HistoryEntry> lastFinished(String dataset);
}
