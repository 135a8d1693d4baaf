package org.gatehouse.core.impl;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.gatehouse.api.Connector;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.RowSource;
import org.gatehouse.api.refresh.FailureReason;
import org.gatehouse.api.refresh.RefreshException;
import org.gatehouse.api.refresh.RefreshOutcome;
import org.gatehouse.api.refresh.RefreshRequest;
import org.gatehouse.api.refresh.RefreshService;
import org.gatehouse.api.refresh.ResultSink;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a refresh: finds the dataset, checks every query's data source and connector before reading anything (so a
 * missing piece fails the refresh before any row is sent), then streams each query's rows into the sink, one row at a
 * time. Each refresh is logged once, with its outcome.
 */
@Component(service = RefreshService.class)
public class RefreshEngine implements RefreshService {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshEngine.class);

    private final DefinitionRegistry definitions;
    private final ConnectorRegistry connectors;

    @Activate
    public RefreshEngine(@Reference DefinitionRegistry definitions, @Reference ConnectorRegistry connectors) {
        this.definitions = definitions;
        this.connectors = connectors;
    }

    private record PlannedQuery(DatasetDefinition.DatasetQuery query, DataSourceDefinition source,
                                Connector connector) {
    }

    @Override
    public RefreshOutcome refresh(RefreshRequest request, ResultSink sink) throws RefreshException {
        long start = System.nanoTime();
        try {
            List<PlannedQuery> plan = plan(request);
            long rows = 0;
            for (PlannedQuery planned : plan) {
                rows += run(planned, sink);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            LOG.info("refresh of {} for {} succeeded: {} tables, {} rows in {} ms", request.dataset(),
                    request.trigger(), plan.size(), rows, elapsed.toMillis());
            return new RefreshOutcome(request.dataset(), plan.size(), rows, elapsed);
        } catch (RefreshException e) {
            LOG.warn("refresh of {} for {} failed: {}: {}", request.dataset(), request.trigger(), e.reason(),
                    e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            LOG.error("refresh of {} for {} failed unexpectedly", request.dataset(), request.trigger(), e);
            throw new RefreshException(FailureReason.INTERNAL_ERROR,
                    "internal error in the gateway: " + e.getClass().getSimpleName(), e);
        }
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
            plan.add(new PlannedQuery(query, source, connector));
        }
        return plan;
    }

    private long run(PlannedQuery planned, ResultSink sink) throws RefreshException {
        try (RowSource rows = planned.connector().open(planned.source().settings(), planned.source().credentials(),
                planned.query().query())) {
            sink.beginTable(planned.query().query().name(), rows.schema());
            Object[] row = new Object[rows.schema().size()];
            long count = 0;
            while (rows.next(row)) {
                sink.row(row);
                count++;
            }
            sink.endTable(count);
            return count;
        } catch (ConnectorException e) {
            // connectors name the data source in their messages (see ConnectorException)
            throw new RefreshException(FailureReason.of(e.reason()), e.getMessage(), e);
        } catch (IOException e) {
            throw new RefreshException(FailureReason.DELIVERY_FAILED, "the result could not be delivered: "
                    + e.getMessage(), e);
        }
    }
}
