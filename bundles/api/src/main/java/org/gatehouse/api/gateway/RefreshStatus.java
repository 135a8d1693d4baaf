package org.gatehouse.api.gateway;

/** How a refresh ended, or that it is still running. */
public enum RefreshStatus {
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    /** It was running when the gateway stopped; found so at the next start. */
    INTERRUPTED,
    /** A scheduled slot that did not run (a refresh of the dataset was still running); never started. */
    SKIPPED,
    /** A scheduled slot that passed while the gateway (or its scheduler) was not running; never started. */
    MISSED
}
