package org.gatehouse.api.gateway;

import java.time.Instant;
import java.util.Objects;

/**
 * A refresh that failed, as it is announced: in an email and as an event on the relay. Nothing here is a secret:
 * failure messages never carry one (see {@code org.gatehouse.api.ConnectorException}).
 *
 * @param historyId  the refresh's entry in the refresh history, 0 when the store could not record it
 * @param dataset    the dataset that failed to refresh
 * @param trigger    who or what asked: {@code relay}, {@code shell:<user>}, {@code schedule}...
 * @param reasonCode the failure code, a {@code org.gatehouse.api.refresh.FailureReason} name
 * @param message    what went wrong, as the requester was told
 * @param started    when the refresh started
 * @param ended      when it failed
 */
public record RefreshFailure(long historyId, String dataset, String trigger, String reasonCode, String message,
                             Instant started, Instant ended) {

    public RefreshFailure {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(message, "message");
    }
}
