package org.gatehouse.core.impl.jmx;

/** One dataset ({@code org.gatehouse:type=Dataset,name=...}): how its last refresh went and when the next is due. */
public interface DatasetMXBean {

    String getName();

    /** SUCCEEDED, FAILED, CANCELLED, ... of the last finished refresh; empty when none is recorded. */
    String getLastStatus();

    /** When the last finished refresh started (ISO-8601 UTC); empty when none. */
    String getLastRefreshTime();

    long getLastRows();

    long getLastDurationMillis();

    /** The failure reason of the last refresh when it failed, else empty. */
    String getLastFailure();

    /** The next slot of its schedule (ISO-8601 UTC); empty when it has no enabled schedule. */
    String getNextScheduledTime();

    int getConsecutiveFailures();
}
