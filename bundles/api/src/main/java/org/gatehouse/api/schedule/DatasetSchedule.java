package org.gatehouse.api.schedule;

import java.util.Objects;

/**
 * A dataset's schedule as the gateway keeps it.
 *
 * @param dataset             the dataset's name
 * @param timing              when it refreshes
 * @param misfire             what happens to a slot missed while the gateway was down
 * @param enabled             whether it fires (a schedule is disabled after too many consecutive failures)
 * @param consecutiveFailures scheduled refreshes that failed since the last one that succeeded
 */
public record DatasetSchedule(String dataset, Timing timing, MisfirePolicy misfire, boolean enabled,
                              int consecutiveFailures) {

    public DatasetSchedule {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(misfire, "misfire");
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("consecutive failures cannot be negative");
        }
    }
}
