package org.gatehouse.core.impl.jmx;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gatehouse.api.gateway.HistoryEntry;
import org.gatehouse.api.gateway.RefreshHistory;
import org.gatehouse.api.schedule.DatasetSchedule;
import org.gatehouse.api.schedule.Schedules;

/** {@link DatasetMXBean}: read live from the refresh history and the schedules (empty while the store is closed). */
final class DatasetView implements DatasetMXBean {

    private final String dataset;
    private final GatewayState state;

    DatasetView(String dataset, GatewayState state) {
        this.dataset = dataset;
        this.state = state;
    }

    @Override
    public String getName() {
        return dataset;
    }

    private Optional<HistoryEntry> last() {
        RefreshHistory history = state.history;
        try {
            return history == null ? Optional.empty() : history.lastFinished(dataset);
        } catch (IllegalStateException storeUnusable) {
            return Optional.empty();
        }
    }

    @Override
    public String getLastStatus() {
        return last().map(e -> e.status().name()).orElse("");
    }

    @Override
    public String getLastRefreshTime() {
        return last().map(e -> e.started().toString()).orElse("");
    }

    @Override
    public long getLastRows() {
        return last().map(HistoryEntry::rows).orElse(0L);
    }

    @Override
    public long getLastDurationMillis() {
        return last().map(e -> e.duration().toMillis()).orElse(0L);
    }

    @Override
    public String getLastFailure() {
        return last().map(HistoryEntry::reason).orElse("");
    }

    private Optional<DatasetSchedule> schedule() {
        Schedules schedules = state.schedules;
        try {
            return schedules == null ? Optional.empty() : schedules.get(dataset);
        } catch (IllegalStateException storeUnusable) {
            return Optional.empty();
        }
    }

    @Override
    public String getNextScheduledTime() {
        Schedules schedules = state.schedules;
        return schedule().filter(DatasetSchedule::enabled).map(s -> {
            List<Instant> next = schedules.nextFireTimes(s.timing(), Instant.now(), 1);
            return next.isEmpty() ? "" : next.get(0).toString();
        }).orElse("");
    }

    @Override
    public int getConsecutiveFailures() {
        return schedule().map(DatasetSchedule::consecutiveFailures).orElse(0);
    }
}
