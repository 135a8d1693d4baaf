package org.gatehouse.api.refresh;

import java.time.Duration;
import java.util.List;

/**
 * What a successful refresh produced. {@code warnings} are what went wrong without failing it (cells loaded as empty
 * because their value was an error), each a sentence naming the data source and query; the history keeps them too.
 */
public record RefreshOutcome(String dataset, int tables, long rows, Duration elapsed, List<String> warnings) {

    public RefreshOutcome {
        warnings = List.copyOf(warnings);
    }

    public RefreshOutcome(String dataset, int tables, long rows, Duration elapsed) {
        this(dataset, tables, rows, elapsed, List.of());
    }
}
