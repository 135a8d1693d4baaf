package org.gatehouse.core.impl;

import java.util.HashSet;
import java.util.Set;

import org.gatehouse.api.refresh.FailureReason;
import org.gatehouse.api.refresh.RefreshException;

/**
 * Who may refresh now: at most {@code limit} refreshes at once across the gateway (the others wait, first come first
 * served), and never two of one dataset - a second request for a dataset that is refreshing or waiting is refused at
 * once rather than queued, so a slow dataset cannot pile up requests behind itself.
 */
final class RefreshGate {

    private static final long CHECK_MILLIS = 250;

    private int limit;
    private int running;
    private long nextTicket;
    private long nowServing;
    private final Set<String> datasets = new HashSet<>();
    /** Tickets whose refresh stopped waiting before its turn. */
    private final Set<Long> abandoned = new HashSet<>();

    RefreshGate(int limit) {
        setLimit(limit);
    }

    synchronized void setLimit(int newLimit) {
        if (newLimit < 1) {
            throw new IllegalArgumentException("maxConcurrentRefreshes must be at least 1, not " + newLimit);
        }
        limit = newLimit;
        notifyAll();
    }

    /**
     * Waits for a free slot, giving up when the refresh is cancelled meanwhile.
     *
     * @throws RefreshException ALREADY_RUNNING when the dataset is refreshing or waiting already; CANCELLED when it
     *                          was cancelled (or the thread interrupted) while waiting
     */
    synchronized void enter(RunningRefresh refresh) throws RefreshException {
        String dataset = refresh.dataset();
        if (!datasets.add(dataset)) {
            throw new RefreshException(FailureReason.ALREADY_RUNNING, "dataset " + dataset + " is being refreshed "
                    + "already; this request is refused, try again when that refresh has ended");
        }
        long ticket = nextTicket++;
        try {
            while (ticket != nowServing || running >= limit) {
                refresh.stopIfCancelled();
                wait(CHECK_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            giveUp(dataset, ticket);
            throw new RefreshException(FailureReason.CANCELLED, "interrupted while waiting for a refresh slot");
        } catch (RefreshException cancelled) {
            giveUp(dataset, ticket);
            throw cancelled;
        }
        nowServing++;
        skipAbandoned();
        running++;
        notifyAll();
    }

    /** A refresh that was admitted has ended. */
    synchronized void leave(String dataset) {
        running--;
        datasets.remove(dataset);
        notifyAll();
    }

    synchronized int running() {
        return running;
    }

    /** Leaves the queue; if it was this ticket's turn, the next one's comes (tickets behind it keep their order). */
    private void giveUp(String dataset, long ticket) {
        datasets.remove(dataset);
        abandoned.add(ticket);
        skipAbandoned();
        notifyAll();
    }

    private void skipAbandoned() {
        while (abandoned.remove(nowServing)) {
            nowServing++;
        }
    }
}
