package org.gatehouse.protocol;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

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
    CANCEL("cancel"),
    /** Define a data source: fields {@code id}, {@code kind}, {@code setting.<name>}. */
    DATA_SOURCE_ADD("datasource-add", true),
    /**
     * Sign a data source in: fields {@code id}, {@code auth}, optional {@code user}, {@code expires} (ISO instant)
     * and {@code secret}, which must be sealed with the gateway's public key ({@link SealedSecret}).
     */
    DATA_SOURCE_SIGN_IN("datasource-signin", true),
    /** Remove a data source no dataset uses: field {@code id}. */
    DATA_SOURCE_REMOVE("datasource-remove", true),
    /** Define a dataset: fields {@code name}, {@code query.<n>.name|datasource|text} for n = 1, 2... */
    DATASET_ADD("dataset-add", true),
    /** Remove a dataset: field {@code name}. */
    DATASET_REMOVE("dataset-remove", true);

    private final String wireName;
    private final boolean administrative;

    Operation(String wireName) {
        this(wireName, false);
    }

    Operation(String wireName, boolean administrative) {
        this.wireName = wireName;
        this.administrative = administrative;
    }

    /**
     * Whether it changes the gateway's definitions rather than reading data: its arguments are in the body
     * ({@link FieldsBody}), it names no dataset property, and its answer is an empty result or an error.
     */
    public boolean administrative() {
        return administrative;
    }

    public String wireName() {
        return wireName;
    }

    /** Every operation's wire name, for messages. */
    public static String wireNames() {
        return Arrays.stream(values()).map(Operation::wireName).collect(Collectors.joining(", "));
    }

    public static Optional<Operation> fromWire(Object value) {
        return Arrays.stream(values()).filter(o -> o.wireName.equals(value)).findFirst();
    }
}
