package org.gatehouse.api.gateway;

/**
 * Told of every failed refresh of a dataset whose notifications are on, and of every schedule turned off after
 * repeated failures, (whiteboard: register it as a service). The
 * relay bundle registers one that publishes the failure on the relay.
 * <p>
 * Called on the notifier's own thread, never on the refresh's, one failure after the other: a listener may take a
 * moment (a network send) but should not block for long, and it reports its own failures rather than throwing.
 */
public interface RefreshFailureListener {

    void refreshFailed(RefreshFailure failure);

    /** A dataset's schedule was turned off after repeated failures (since 1.3; ignored unless overridden). */
    default void scheduleDisabled(ScheduleDisabled disabled) {
    }
}
