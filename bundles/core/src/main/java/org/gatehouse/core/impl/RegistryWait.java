package org.gatehouse.core.impl;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits until a saved definition is in effect. ConfigurationAdmin hands a configuration to its component
 * asynchronously; the owner's next step (a refresh right after adding a dataset) must see the change.
 */
final class RegistryWait {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 25;

    private final Duration timeout;

    RegistryWait(Duration timeout) {
        this.timeout = timeout;
    }

    /** @param what what was saved, for the error: "data source sales was added" */
    void until(BooleanSupplier inEffect, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!inEffect.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + ", but the gateway has not taken it up after "
                        + timeout.toSeconds() + " s; see the gateway log");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(what + "; interrupted while waiting for the gateway to take it up");
            }
        }
    }
}
