package org.gatehouse.api.gateway;

import java.time.Instant;
import java.util.Objects;

/**
 * A dataset's schedule that the gateway turned off because too many scheduled refreshes in a row failed, as it is
 * announced (email, relay event). It stays off until the owner runs {@code gateway:schedule-enable}.
 *
 * @param dataset             the dataset whose schedule is off
 * @param consecutiveFailures how many scheduled refreshes in a row failed
 * @param lastFailure         what went wrong the last time, as its requester was told; never a secret
 * @param disabledAt          when the schedule was turned off
 */
public record ScheduleDisabled(String dataset, int consecutiveFailures, String lastFailure, Instant disabledAt) {

    public ScheduleDisabled {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(lastFailure, "lastFailure");
        Objects.requireNonNull(disabledAt, "disabledAt");
    }
}
