package org.gatehouse.core.impl;

import java.util.Set;

import org.gatehouse.api.Connector;
import org.gatehouse.api.RowSource;
import org.gatehouse.api.refresh.FailureReason;
import org.gatehouse.api.refresh.RefreshException;

/**
 * One refresh while it runs, as {@link RefreshEngine#cancel} finds it: the row source it reads right now, and who
 * cancelled it, if anyone.
 * <p>
 * The refreshing thread and a cancelling thread meet here. The row source is cancelled under this object's lock, and
 * the refreshing thread takes the same lock before it closes the source: a cancel never reaches a source that is
 * already closed, whose connection may by then serve someone else's query.
 */
final class RunningRefresh {

    private final String dataset;
    /** The connectors the refresh's queries read through, once planned. */
    private volatile Set<Connector> connectors = Set.of();
    private volatile String cancelledBy;
    /** Guarded by this. */
    private RowSource reading;
    /** Guarded by this: the refresh read everything and can no longer be cancelled. */
    private boolean finished;

    RunningRefresh(String dataset) {
        this.dataset = dataset;
    }

    String dataset() {
        return dataset;
    }

    void uses(Set<Connector> planned) {
        connectors = Set.copyOf(planned);
    }

    boolean uses(Connector connector) {
        return connectors.contains(connector);
    }

    boolean usesKind(String kind) {
        return connectors.stream().anyMatch(c -> kind.equals(c.kind()));
    }

    /**
     * Asks the refresh to stop: its current row source is cancelled now, a source it opens later at once.
     *
     * @return false when the refresh had already read everything (or was cancelled before)
     */
    boolean cancel(String requestedBy) {
        synchronized (this) {
            if (finished || cancelledBy != null) {
                return false;
            }
            cancelledBy = requestedBy;
            if (reading != null) {
                reading.cancel();
            }
            return true;
        }
    }

    /** The refreshing thread reads {@code source} from now on; cancels it at once when the refresh was cancelled. */
    synchronized void reading(RowSource source) {
        reading = source;
        if (cancelledBy != null) {
            source.cancel();
        }
    }

    /** The refreshing thread is done with its source and is about to close it: no cancel may reach it any more. */
    synchronized void doneReading() {
        reading = null;
    }

    boolean isCancelled() {
        return cancelledBy != null;
    }

    /** Between rows and queries: stops the refresh when it was cancelled. */
    void stopIfCancelled() throws RefreshException {
        if (cancelledBy != null) {
            throw cancelled(null);
        }
    }

    /** Every row was read: from here on a cancel comes too late, unless it came before. */
    synchronized void finish() throws RefreshException {
        stopIfCancelled();
        finished = true;
    }

    /** The failure a cancelled refresh ends with; {@code cause} is how the connector or sink stopped, if it did. */
    RefreshException cancelled(Throwable cause) {
        return new RefreshException(FailureReason.CANCELLED, "cancelled by " + cancelledBy, cause);
    }
}
