package org.gatehouse.core.impl;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.gatehouse.api.Connector;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.RowSource;
import org.gatehouse.api.gateway.RefreshStatus;
import org.gatehouse.api.refresh.FailureReason;
import org.gatehouse.api.refresh.RefreshException;
import org.gatehouse.api.refresh.RefreshOutcome;
import org.gatehouse.api.refresh.RefreshRequest;
import org.gatehouse.api.refresh.RefreshService;
import org.gatehouse.api.refresh.ResultSink;
import org.gatehouse.core.impl.store.HistoryRecorder;
import org.gatehouse.core.impl.vault.CredentialStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a refresh: finds the dataset, checks every query's data source and connector before reading anything (so a
 * missing piece fails the refresh before any row is sent), then streams each query's rows into the sink, one row at a
 * time. Each refresh is logged once, with its outcome, and recorded in the refresh history: an entry when it starts,
 * completed with its status, rows, bytes and reason when it ends.
 * <p>
 * History is a record of refreshes, not a condition for them: without a store (not open yet, or refused at start)
 * or with a failing one, refreshes run as usual and go unrecorded, which is logged once rather than per refresh.
 * <p>
 * A running refresh can be cancelled ({@link #cancel}): its row source is cancelled (the connector stops the query at
 * the data source), the refresh checks between rows too, so even a connector that cannot cancel stops at its next
 * row, and it ends CANCELLED with who cancelled it. When the engine goes away, its running refreshes are cancelled.
 */
@Component(service = {RefreshService.class, RefreshEngine.class}, configurationPid = RefreshEngine.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RefreshLimitsConfig.class)
public class RefreshEngine implements RefreshService {

    static final String PID = "org.gatehouse.refresh";
    private static final int DEFAULT_MAX_CONCURRENT = 4;
    private static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(120);
    /** How long a connector's removal waits for the refreshes it cancels to end. */
    private static final Duration CONNECTOR_REMOVAL_WAIT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(RefreshEngine.class);

    private final DefinitionRegistry definitions;
    private final ConnectorRegistry connectors;
    private volatile HistoryRecorder history;
    private volatile CredentialStore vault;
    private final AtomicBoolean unrecordedReported = new AtomicBoolean();
    private final Set<RunningRefresh> running = ConcurrentHashMap.newKeySet();
    private final RefreshGate gate = new RefreshGate(DEFAULT_MAX_CONCURRENT);
    private volatile Duration timeLimit = DEFAULT_TIME_LIMIT;
    private final ScheduledThreadPoolExecutor timeLimits = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "gatehouse-refresh-time-limits");
        thread.setDaemon(true);
        return thread;
    });

    /** Outside OSGi (tests): the default limits. */
    public RefreshEngine(DefinitionRegistry definitions, ConnectorRegistry connectors) {
        this.definitions = definitions;
        this.connectors = connectors;
        timeLimits.setRemoveOnCancelPolicy(true);
        connectors.onRemoval(this::connectorRemoved);
    }

    /**
     * A connector is going away (its bundle stops): the refreshes reading through it are cancelled and waited for,
     * a little, so that none goes on using the code of a bundle that is gone or keeps its connection open.
     */
    private void connectorRemoved(Connector connector, String kind) {
        List<RunningRefresh> affected = running.stream().filter(r -> r.uses(connector)).toList();
        if (affected.isEmpty()) {
            return;
        }
        for (RunningRefresh refresh : affected) {
            if (refresh.cancel("the removal of connector " + kind)) {
                LOG.warn("refresh of {} is cancelled: connector {} is being removed", refresh.dataset(), kind);
            }
        }
        long deadline = System.nanoTime() + CONNECTOR_REMOVAL_WAIT.toNanos();
        while (affected.stream().anyMatch(running::contains) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        affected.stream().filter(running::contains).forEach(r -> LOG.warn("refresh of {} has not stopped {} after "
                + "connector {} was removed", r.dataset(), minutes(CONNECTOR_REMOVAL_WAIT), kind));
    }

    @Activate
    public RefreshEngine(@Reference DefinitionRegistry definitions, @Reference ConnectorRegistry connectors,
                         RefreshLimitsConfig limits) {
        this(definitions, connectors);
        applyLimits(limits);
    }

    /** A changed etc/org.gatehouse.refresh.cfg applies to the next refreshes; running ones keep going. */
    @Modified
    void applyLimits(RefreshLimitsConfig limits) {
        setLimits(limits.maxConcurrentRefreshes(), Duration.ofMinutes(limits.timeLimitMinutes()));
    }

    void setLimits(int maxConcurrentRefreshes, Duration refreshTimeLimit) {
        if (refreshTimeLimit.isNegative() || refreshTimeLimit.isZero()) {
            throw new IllegalArgumentException("the refresh time limit must be positive, not " + refreshTimeLimit);
        }
        gate.setLimit(maxConcurrentRefreshes);
        timeLimit = refreshTimeLimit;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetHistory")
    void setHistory(HistoryRecorder recorder) {
        history = recorder;
        unrecordedReported.set(false);
    }

    void unsetHistory(HistoryRecorder recorder) {
        if (history == recorder) {
            history = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetVault")
    void setVault(CredentialStore store) {
        vault = store;
    }

    void unsetVault(CredentialStore store) {
        if (vault == store) {
            vault = null;
        }
    }

    private record PlannedQuery(DatasetDefinition.DatasetQuery query, DataSourceDefinition source,
                                Connector connector, Credentials credentials) {
    }

    @Override
    public RefreshOutcome refresh(RefreshRequest request, ResultSink sink) throws RefreshException {
        RunningRefresh current = new RunningRefresh(request.dataset());
        running.add(current);
        try {
            gate.enter(current); // refused at once when the dataset refreshes already; not a refresh, so not history
        } catch (RefreshException e) {
            running.remove(current);
            LOG.info("refresh of {} for {} not started: {}", request.dataset(), request.trigger(), e.getMessage());
            throw e;
        }
        Duration limit = timeLimit;
        ScheduledFuture<?> overTime = timeLimits.schedule(() -> {
            if (current.cancel("the time limit of " + minutes(limit))) {
                LOG.warn("refresh of {} for {} ran past the time limit of {} and is cancelled", request.dataset(),
                        request.trigger(), minutes(limit));
            }
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        HistoryRecorder.RecordedRefresh recorded = recorder().started(request.dataset(), request.trigger(),
                Instant.now());
        RowCount rows = new RowCount();
        try {
            List<PlannedQuery> plan = plan(request);
            current.uses(plan.stream().map(PlannedQuery::connector).collect(Collectors.toSet()));
            for (PlannedQuery planned : plan) {
                run(planned, sink, rows, current);
            }
            current.finish();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            // a refresh with warnings succeeded: the history's message says what was loaded as empty
            String warnings = rows.warnings.isEmpty() ? null : "WARNINGS: " + String.join(" | ", rows.warnings);
            recorded.ended(Instant.now(), RefreshStatus.SUCCEEDED, rows.value, sink.bytesDelivered(), warnings);
            LOG.info("refresh of {} for {} succeeded: {} tables, {} rows in {} ms", request.dataset(),
                    request.trigger(), plan.size(), rows.value, elapsed.toMillis());
            if (warnings != null) {
                LOG.warn("refresh of {} for {}: {}", request.dataset(), request.trigger(), warnings);
            }
            return new RefreshOutcome(request.dataset(), plan.size(), rows.value, elapsed, rows.warnings);
        } catch (RefreshException e) {
            recordFailure(recorded, e, rows, sink);
            LOG.warn("refresh of {} for {} failed: {}: {}", request.dataset(), request.trigger(), e.reason(),
                    e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            LOG.error("refresh of {} for {} failed unexpectedly", request.dataset(), request.trigger(), e);
            RefreshException internal = new RefreshException(FailureReason.INTERNAL_ERROR,
                    "internal error in the gateway: " + e.getClass().getSimpleName(), e);
            recordFailure(recorded, internal, rows, sink);
            throw internal;
        } catch (Error e) {
            recordFailure(recorded, new RefreshException(FailureReason.INTERNAL_ERROR,
                    "internal error in the gateway: " + e.getClass().getSimpleName()), rows, sink);
            throw e;
        } finally {
            overTime.cancel(false);
            running.remove(current);
            gate.leave(request.dataset());
        }
    }

    private static String minutes(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 60_000 == 0) {
            return millis / 60_000 + " min";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** Refreshes running now (the gateway's JMX view). */
    public int activeRefreshes() {
        return running.size();
    }

    /** Refreshes running now that read through a connector of the kind. */
    public int activeRefreshes(String kind) {
        return (int) running.stream().filter(r -> r.usesKind(kind)).count();
    }

    @Override
    public boolean cancel(String dataset, String requestedBy) {
        boolean cancelled = false;
        for (RunningRefresh refresh : running) {
            if (refresh.dataset().equals(dataset) && refresh.cancel(requestedBy)) {
                cancelled = true;
            }
        }
        if (cancelled) {
            LOG.info("refresh of {} cancelled by {}", dataset, requestedBy);
        }
        return cancelled;
    }

    /** No refresh outlives the engine, reading on with services that are gone. */
    @Deactivate
    void cancelRunningRefreshes() {
        for (RunningRefresh refresh : running) {
            refresh.cancel("the gateway stopping");
        }
        timeLimits.shutdownNow();
    }

    /** Rows read so far by one refresh, so a failed refresh's history says how far it got. */
    private static final class RowCount {
        long value;
        /** The connectors' warnings for the tables read so far. */
        final List<String> warnings = new ArrayList<>();
    }

    private static void recordFailure(HistoryRecorder.RecordedRefresh recorded, RefreshException failure,
                                      RowCount rows, ResultSink sink) {
        boolean cancelled = failure.reason() == FailureReason.CANCELLED;
        // the message is the one the requester gets: connectors keep secrets out of it (see ConnectorException);
        // a cancelled refresh's status says it all, its message says who cancelled it
        recorded.ended(Instant.now(), cancelled ? RefreshStatus.CANCELLED : RefreshStatus.FAILED, rows.value,
                sink.bytesDelivered(), cancelled ? failure.getMessage() : failure.reason() + ": " + failure.getMessage());
    }

    private HistoryRecorder recorder() {
        HistoryRecorder current = history;
        if (current != null) {
            return current;
        }
        if (unrecordedReported.compareAndSet(false, true)) {
            LOG.warn("the gateway store is not open: refreshes run but are not recorded in the refresh history");
        }
        return HistoryRecorder.NONE;
    }

    @Override
    public List<String> datasets() {
        return definitions.datasetNames();
    }

    private List<PlannedQuery> plan(RefreshRequest request) throws RefreshException {
        DatasetDefinition dataset = definitions.dataset(request.dataset()).orElseThrow(() -> new RefreshException(
                FailureReason.UNKNOWN_DATASET, "dataset '" + request.dataset() + "' is not defined on this gateway"));
        List<DatasetDefinition.DatasetQuery> queries;
        if (request.query().isPresent()) {
            String name = request.query().get();
            queries = List.of(dataset.query(name).orElseThrow(() -> new RefreshException(FailureReason.UNKNOWN_QUERY,
                    "dataset '" + dataset.name() + "' has no query '" + name + "'")));
        } else {
            queries = dataset.queries();
        }
        List<PlannedQuery> plan = new ArrayList<>();
        for (DatasetDefinition.DatasetQuery query : queries) {
            DataSourceDefinition source = definitions.dataSource(query.dataSourceId()).orElseThrow(() ->
                    new RefreshException(FailureReason.UNKNOWN_DATA_SOURCE, "query '" + query.query().name()
                            + "' uses data source '" + query.dataSourceId() + "', which is not defined"));
            Connector connector = connectors.find(source.kind()).orElseThrow(() -> new RefreshException(
                    FailureReason.CONNECTOR_NOT_INSTALLED, "connector " + source.kind() + " is not installed"));
            Credentials credentials;
            try {
                credentials = SignedInCredentials.of(source, vault, Instant.now());
            } catch (SignedInCredentials.CredentialsUnusable e) {
                throw new RefreshException(e.expired() ? FailureReason.AUTHENTICATION_FAILED
                        : FailureReason.INVALID_SETTINGS, e.getMessage());
            }
            plan.add(new PlannedQuery(query, source, connector, credentials));
        }
        return plan;
    }

    private void run(PlannedQuery planned, ResultSink sink, RowCount total, RunningRefresh current)
            throws RefreshException {
        current.stopIfCancelled();
        try {
            RowSource rows = planned.connector().open(planned.source().settings(), planned.credentials(),
                    planned.query().query());
            try {
                current.reading(rows);
                sink.beginTable(planned.query().query().name(), rows.schema());
                Object[] row = new Object[rows.schema().size()];
                long count = 0;
                current.stopIfCancelled();
                while (rows.next(row)) {
                    current.stopIfCancelled();
                    sink.row(row);
                    count++;
                    total.value++;
                }
                total.warnings.addAll(rows.warnings());
                sink.endTable(count);
            } finally {
                current.doneReading();
                rows.close();
            }
        } catch (ConnectorException e) {
            if (current.isCancelled()) {
                throw current.cancelled(e);
            }
            // connectors name the data source in their messages (see ConnectorException)
            throw new RefreshException(FailureReason.of(e.reason()), e.getMessage(), e);
        } catch (IOException e) {
            if (current.isCancelled()) {
                throw current.cancelled(e);
            }
            throw new RefreshException(FailureReason.DELIVERY_FAILED, "the result could not be delivered: "
                    + e.getMessage(), e);
        }
    }
}
