package org.gatehouse.relay.impl;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The last step of the heartbeat route: it runs only after the relay accepted the heartbeat, so the time it keeps is
 * that of a heartbeat actually published, never of one that failed while the relay was away.
 */
final class LastHeartbeat implements Processor {

    private final Clock clock;
    private final AtomicReference<Instant> published = new AtomicReference<>();

    LastHeartbeat(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        published.set(clock.instant());
    }

    Optional<Instant> time() {
        return Optional.ofNullable(published.get());
    }
}
