package org.gatehouse.api.gateway;

import java.nio.file.Path;
import java.util.List;

/**
 * Moves a gateway to a new machine: its data sources with their credentials, and its datasets, go into one file whose
 * secrets stay encrypted; only the recovery key opens them on the other side.
 */
public interface GatewayTransfer {

    /**
     * Writes every data source, its credentials (still encrypted) and every dataset to {@code file}.
     *
     * @throws IllegalStateException when no recovery key is set: the file could not be opened anywhere else
     */
    Summary exportTo(Path file);

    /**
     * Adds what {@code file} holds to this gateway, its secrets re-encrypted with this gateway's key. Data sources
     * and datasets that exist here already are left as they are and reported as skipped.
     *
     * @throws IllegalArgumentException when the file is not an export or the recovery key does not open it
     */
    Summary importFrom(Path file, char[] recoveryKey);

    /**
     * @param dataSources the data sources written or added
     * @param datasets    the datasets written or added
     * @param skipped     what was left alone, each with why
     */
    record Summary(List<String> dataSources, List<String> datasets, List<String> skipped) {
        public Summary {
            dataSources = List.copyOf(dataSources);
            datasets = List.copyOf(datasets);
            skipped = List.copyOf(skipped);
        }
    }
}
