package org.gatehouse.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a {@link GatehouseClient} waits for a gateway.
 *
 * @param firstMessageTimeout how long to wait for the first message of a result: covers the request's trip to the
 *                            gateway, which may be busy or offline, and the time its connector needs to start
 *                            producing rows; a request not picked up by then also expires on the relay
 * @param idleTimeout         how long to wait for each following message; a gateway that falls silent mid-result
 *                            has failed, and the result is rejected as partial
 */
public record ClientOptions(Duration firstMessageTimeout, Duration idleTimeout) {

    public static final Duration DEFAULT_FIRST_MESSAGE_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

    public ClientOptions {
        requirePositive(firstMessageTimeout, "firstMessageTimeout");
        requirePositive(idleTimeout, "idleTimeout");
    }

    public static ClientOptions defaults() {
        return new ClientOptions(DEFAULT_FIRST_MESSAGE_TIMEOUT, DEFAULT_IDLE_TIMEOUT);
    }

    public ClientOptions withFirstMessageTimeout(Duration timeout) {
        return new ClientOptions(timeout, idleTimeout);
    }

    public ClientOptions withIdleTimeout(Duration timeout) {
        return new ClientOptions(firstMessageTimeout, timeout);
    }

    private static void requirePositive(Duration timeout, String name) {
        Objects.requireNonNull(timeout, name);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + timeout);
        }
    }
}
