package org.gatehouse.protocol;

import java.util.Arrays;
import java.util.Optional;

/** What a request asks the gateway to do. */
public enum Operation {
    /** Run every query of a dataset; the result has one table per query. */
    REFRESH_DATASET("refresh-dataset"),
    /** Run one named query of a dataset; the result has one table. */
    RUN_QUERY("run-query"),
    /**
     * Cancel the dataset's refreshes running on the gateway; they end with error {@code CANCELLED}. The answer is an
     * empty result whose end message says in {@link Protocol#CANCELLED} whether anything was running.
     */
    CANCEL("cancel");

    private final String wireName;

    Operation(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Operation> fromWire(Object value) {
        return Arrays.stream(values()).filter(o -> o.wireName.equals(value)).findFirst();
    }
}
