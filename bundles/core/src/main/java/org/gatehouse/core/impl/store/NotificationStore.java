package org.gatehouse.core.impl.store;

import java.util.Set;
import java.util.function.Consumer;

import org.gatehouse.api.gateway.HistoryEntry;
import org.gatehouse.api.gateway.NotificationSettings;

/**
 * The failure notifier's part of the gateway store: its settings, the datasets opted out, and every refresh's end
 * as it is written to the history (so an announced failure always has its history entry). Offered as a service by
 * the store while it is open. Reads and writes throw IllegalStateException when the store cannot be used.
 */
public interface NotificationStore {

    NotificationSettings settings();

    /** Replaces the settings; they have been validated and fit the columns (see {@link #MAX_ADDRESS}). */
    void save(NotificationSettings settings);

    Set<String> optedOut();

    boolean isOptedOut(String dataset);

    void setOptedOut(String dataset, boolean optedOut);

    /**
     * Calls {@code listener} on the store's thread with every refresh that ends, once its end has been written (or
     * failed to be: then its id is 0). The listener must return at once; it hands the work to a thread of its own.
     *
     * @return stops the calls
     */
    AutoCloseable onRefreshEnded(Consumer<HistoryEntry> listener);

    int MAX_HOST = NotificationTable.MAX_HOST;
    int MAX_ADDRESS = NotificationTable.MAX_ADDRESS;
    int MAX_RECIPIENTS = NotificationTable.MAX_RECIPIENTS;
    int MAX_DATASET = HistoryTable.MAX_NAME;
}
