package org.gatehouse.api.refresh;

import java.util.Objects;
import java.util.Optional;

/**
 * A request to refresh a dataset: all its queries, or just one of them by name.
 *
 * @param dataset   the dataset's name
 * @param queryName the one query to run, or null for all of them in the dataset's order
 * @param trigger   who or what asked, for history and logs (e.g. {@code relay}, {@code shell:alice})
 */
public record RefreshRequest(String dataset, String queryName, String trigger) {

    public RefreshRequest {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(trigger, "trigger");
    }

    public static RefreshRequest wholeDataset(String dataset, String trigger) {
        return new RefreshRequest(dataset, null, trigger);
    }

    public Optional<String> query() {
        return Optional.ofNullable(queryName);
    }
}
