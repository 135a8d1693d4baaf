package org.gatehouse.core.impl.store;

import java.time.Instant;

import org.gatehouse.api.gateway.RefreshStatus;

/**
 * Where the refresh engine records each refresh: an entry when it starts, completed when it ends.
 * <p>
 * Recording must never fail or hold up a refresh: implementations do not throw, and when the store cannot take an
 * entry they lose it and say so in the log rather than break the refresh that was asked for.
 */
public interface HistoryRecorder {

    /** Records nothing, for when no store is open. */
    HistoryRecorder NONE = (dataset, requestedBy, started) -> (ended, status, rows, bytes, reason) -> { };

    /** Records a refresh that has just started, as RUNNING. */
    RecordedRefresh started(String dataset, String requestedBy, Instant started);

    /** A refresh recorded as RUNNING, to be completed once when it ends. */
    interface RecordedRefresh {

        /**
         * @param rows   rows read, in total or until it failed
         * @param bytes  bytes the result sink delivered
         * @param reason {@code CODE: message} when it did not succeed, {@code WARNINGS: ...} when it succeeded with
         *               warnings (cells loaded as empty), else null; never a secret
         */
        void ended(Instant ended, RefreshStatus status, long rows, long bytes, String reason);
    }
}
