package org.gatehouse.shell.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
import org.junit.Test;

public class ShellRefreshTest {

    private static final Schema ONE_COLUMN = new Schema(List.of(new Column("n", ColumnType.LONG)));

    @Test
    public void rowsAreCountedWhileTheRefreshRunsAndTheOutcomeComesAtTheEnd() throws Exception {
        HalfwayRefresh service = new HalfwayRefresh();
        ShellRefresh refresh = ShellRefresh.start(service, RefreshRequest.wholeDataset("numbers", "shell:test"));

        assertTrue("refresh did not reach its halfway point", service.halfway.await(10, TimeUnit.SECONDS));
        assertEquals(Optional.empty(), refresh.await(Duration.ofMillis(50)));
        assertEquals(500, refresh.rows());

        service.goOn.countDown();
        RefreshOutcome outcome = awaitEnd(refresh);
        assertEquals(1_000, outcome.rows());
        assertEquals(1_000, refresh.rows());
        assertEquals("shell:test", service.trigger);
    }

    @Test
    public void aFailedRefreshIsRethrownWithItsReason() {
        RefreshService failing = new RefreshService() {
            @Override
            public RefreshOutcome refresh(RefreshRequest request, ResultSink sink) throws RefreshException {
                throw new RefreshException(FailureReason.AUTHENTICATION_FAILED,
                        "authentication failed for data source h2");
            }

            @Override
            public List<String> datasets() {
                return List.of();
            }

            @Override
            public boolean cancel(String dataset, String requestedBy) {
                return false;
            }
        };
        ShellRefresh refresh = ShellRefresh.start(failing, RefreshRequest.wholeDataset("x", "shell"));
        RefreshException failure = assertThrows(RefreshException.class, () -> awaitEnd(refresh));
        assertEquals(FailureReason.AUTHENTICATION_FAILED, failure.reason());
    }

    private static RefreshOutcome awaitEnd(ShellRefresh refresh) throws Exception {
        return refresh.await(Duration.ofSeconds(10)).orElseThrow(() -> new AssertionError("refresh did not end"));
    }

    /** Sends 500 rows, waits to be let go, sends 500 more. */
    private static final class HalfwayRefresh implements RefreshService {
        final CountDownLatch halfway = new CountDownLatch(1);
        final CountDownLatch goOn = new CountDownLatch(1);
        volatile String trigger;

        @Override
        public RefreshOutcome refresh(RefreshRequest request, ResultSink sink) throws RefreshException {
            trigger = request.trigger();
            try {
                sink.beginTable("numbers", ONE_COLUMN);
                for (long i = 0; i < 1_000; i++) {
                    if (i == 500) {
                        halfway.countDown();
                        goOn.await();
                    }
                    sink.row(new Object[] {i});
                }
                sink.endTable(1_000);
            } catch (IOException | InterruptedException e) {
                throw new RefreshException(FailureReason.INTERNAL_ERROR, e.toString());
            }
            return new RefreshOutcome(request.dataset(), 1, 1_000, Duration.ofMillis(5));
        }

        @Override
        public List<String> datasets() {
            return List.of("numbers");
        }

        @Override
        public boolean cancel(String dataset, String requestedBy) {
            return false;
        }
    }
}
