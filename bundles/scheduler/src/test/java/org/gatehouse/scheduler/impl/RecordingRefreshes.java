package org.gatehouse.scheduler.impl;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.gatehouse.api.Column;
import org.gatehouse.api.ColumnType;
import org.gatehouse.api.Schema;
import org.gatehouse.api.refresh.FailureReason;
import org.gatehouse.api.refresh.RefreshException;
import org.gatehouse.api.refresh.RefreshOutcome;
import org.gatehouse.api.refresh.RefreshRequest;
import org.gatehouse.api.refresh.RefreshService;
import org.gatehouse.api.refresh.ResultSink;

/**
 * A refresh engine that records what it is asked, streams three rows, and can be held inside a refresh (to see a
 * slot skipped) or made to fail.
 */
final class RecordingRefreshes implements RefreshService {

    static final String FAILURE = "the source is down";

    final List<RefreshRequest> requests = new CopyOnWriteArrayList<>();
    volatile CountDownLatch hold = new CountDownLatch(0);
    volatile boolean failing;

    @Override
    public RefreshOutcome refresh(RefreshRequest request, ResultSink sink) throws RefreshException {
        requests.add(request);
        try {
            if (!hold.await(60, TimeUnit.SECONDS)) {
                throw new RefreshException(FailureReason.INTERNAL_ERROR, "held too long");
            }
            if (failing) {
                throw new RefreshException(FailureReason.QUERY_FAILED, FAILURE);
            }
            sink.beginTable("t", new Schema(List.of(new Column("n", ColumnType.INTEGER))));
            for (int i = 0; i < 3; i++) {
                sink.row(new Object[] {i});
            }
            sink.endTable(3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RefreshException(FailureReason.INTERNAL_ERROR, "interrupted");
        } catch (java.io.IOException e) {
            throw new RefreshException(FailureReason.DELIVERY_FAILED, e.getMessage());
        }
        return new RefreshOutcome(request.dataset(), 1, 3, Duration.ZERO);
    }

    @Override
    public List<String> datasets() {
        return List.of();
    }

    @Override
    public boolean cancel(String dataset, String requestedBy) {
        return false;
    }

    long count(String dataset) {
        return requests.stream().filter(r -> r.dataset().equals(dataset)).count();
    }
}
