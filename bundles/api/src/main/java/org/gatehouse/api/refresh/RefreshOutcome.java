package org.gatehouse.api.refresh;

import java.time.Duration;

/** What a successful refresh produced. */
public record RefreshOutcome(String dataset, int tables, long rows, Duration elapsed) {
}
