package org.gatehouse.core.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.gatehouse.api.gateway.HistoryEntry;
import org.gatehouse.api.gateway.RefreshStatus;
import org.gatehouse.api.refresh.FailureReason;
import org.gatehouse.api.refresh.RefreshException;
import org.gatehouse.api.refresh.RefreshOutcome;
import org.gatehouse.api.refresh.RefreshRequest;
import org.gatehouse.core.impl.store.GatewayStore;
import org.gatehouse.core.impl.store.StoreSettings;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Cancelling running refreshes with a slow connector: the source is cancelled and closed, the refresh ends CANCELLED
 * with who cancelled it, in its requester's exception and in the (H2) history, and the next refresh runs as usual.
 * The waits below only keep a broken test from hanging; none of them measures anything.
 */
public class RefreshCancelTest {

    private static final long HANG_GUARD_SECONDS = 30;

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private final DefinitionRegistry definitions = new DefinitionRegistry();
    private final ConnectorRegistry connectors = new ConnectorRegistry();
    private final RefreshEngine engine = new RefreshEngine(definitions, connectors);
    private final SlowConnector slow = new SlowConnector();
    private final CountingConnector counting = new CountingConnector();
    private GatewayStore store;

    @Before
    public void openStoreAndDefine() throws Exception {
        store = GatewayStore.open(new org.h2.Driver(), new StoreSettings("jdbc:h2:" + folder.getRoot() + "/store",
                "", "", 60, 1000), Clock.systemUTC());
        engine.setHistory(store.recorder());
        connectors.add(slow, "1.0.0");
        connectors.add(counting, "1.0.0");
        definitions.addDataSource(DataSourceConfig.parse(Map.of("id", "slow-db", "kind", "slow")));
        definitions.addDataSource(DataSourceConfig.parse(Map.of("id", "numbers", "kind", "count")));
        definitions.addDataset(DatasetConfig.parse(Map.of("name", "blocking", "queries", "first, second",
                "query.first.datasource", "numbers", "query.first.text", "3",
                "query.second.datasource", "slow-db", "query.second.text", "blocking")));
        definitions.addDataset(DatasetConfig.parse(Map.of("name", "endless", "queries", "all",
                "query.all.datasource", "slow-db", "query.all.text", "endless")));
        definitions.addDataset(DatasetConfig.parse(Map.of("name", "quick", "queries", "all",
                "query.all.datasource", "numbers", "query.all.text", "10")));
    }

    @After
    public void closeStore() {
        store.close();
    }

    @Test
    public void aBlockedReadIsCancelledAtTheSourceAndEndsCancelledWithWhoCancelledIt() throws Exception {
        CompletableFuture<RefreshOutcome> refresh = refreshInBackground("blocking", "relay");
        await(slow.blocked);

        assertTrue("a refresh was running", engine.cancel("blocking", "shell:alice"));

        RefreshException failure = failureOf(refresh);
        assertEquals(FailureReason.CANCELLED, failure.reason());
        assertEquals("cancelled by shell:alice", failure.getMessage());
        assertEquals("the connector was asked to stop its query", 1, slow.cancelled.get());
        assertEquals("and its source closed", 1, slow.closed.get());
        assertEquals(0, slow.cancelledAfterClose.get());

        HistoryEntry entry = latest("blocking");
        assertEquals(RefreshStatus.CANCELLED, entry.status());
        assertEquals("cancelled by shell:alice", entry.reason());
        assertEquals("relay", entry.trigger());
        assertEquals("rows of the first query and those read before the cancel", 3 + slow.rowsBeforeBlocking,
                entry.rows());
        assertFalse("nothing is left to cancel", engine.cancel("blocking", "shell:alice"));
    }

    @Test
    public void aConnectorRemovedWhileItIsReadCancelsTheRefreshAndLaterRefreshesSayItIsNotInstalled()
            throws Exception {
        CompletableFuture<RefreshOutcome> refresh = refreshInBackground("blocking", "relay");
        await(slow.blocked);

        connectors.removeConnector(slow); // what DS does while the connector's bundle stops
        assertTrue("the removal waited for the refresh to end", refresh.isDone());
        RefreshException failure = failureOf(refresh);
        assertEquals(FailureReason.CANCELLED, failure.reason());
        assertEquals("cancelled by the removal of connector slow", failure.getMessage());
        assertEquals("its source was closed before the connector left", 1, slow.closed.get());
        assertEquals(RefreshStatus.CANCELLED, latest("blocking").status());

        RefreshException notInstalled = assertThrows(RefreshException.class,
                () -> engine.refresh(RefreshRequest.wholeDataset("blocking", "relay"), new RecordingSink()));
        assertEquals(FailureReason.CONNECTOR_NOT_INSTALLED, notInstalled.reason());
        assertEquals("connector slow is not installed", notInstalled.getMessage());
        assertEquals(RefreshStatus.FAILED, latest("blocking").status());

        connectors.add(slow, "1.0.1");
        assertEquals("installed again: works again", 10,
                engine.refresh(RefreshRequest.wholeDataset("quick", "relay"), new RecordingSink()).rows());
    }

    @Test
    public void aConnectorThatCannotCancelIsStoppedBetweenRows() throws Exception {
        CompletableFuture<RefreshOutcome> refresh = refreshInBackground("endless", "schedule");
        await(slow.blocked);

        assertTrue(engine.cancel("endless", "relay"));

        RefreshException failure = failureOf(refresh);
        assertEquals(FailureReason.CANCELLED, failure.reason());
        assertEquals("cancelled by relay", failure.getMessage());
        assertEquals(1, slow.closed.get());
        HistoryEntry entry = latest("endless");
        assertEquals(RefreshStatus.CANCELLED, entry.status());
        assertEquals("cancelled by relay", entry.reason());
    }

    @Test
    public void aCancelWhileTheSourceOpensStopsTheRefreshOnceItIsOpen() throws Exception {
        slow.openGate.drainPermits();
        CompletableFuture<RefreshOutcome> refresh = refreshInBackground("blocking", "relay");
        await(slow.opening);

        assertTrue(engine.cancel("blocking", "shell:bob"));
        slow.openGate.release();

        RefreshException failure = failureOf(refresh);
        assertEquals(FailureReason.CANCELLED, failure.reason());
        assertEquals("cancelled by shell:bob", failure.getMessage());
        assertEquals(1, slow.opened.get());
        assertEquals("the source opened after the cancel is closed again", 1, slow.closed.get());
        assertEquals(RefreshStatus.CANCELLED, latest("blocking").status());
    }

    @Test
    public void onlyTheNamedDatasetIsCancelledAndNothingRunningIsNoCancel() throws Exception {
        assertFalse("nothing runs", engine.cancel("quick", "shell:alice"));
        assertFalse("an unknown dataset never runs", engine.cancel("no-such-dataset", "shell:alice"));

        CompletableFuture<RefreshOutcome> refresh = refreshInBackground("blocking", "relay");
        await(slow.blocked);
        assertFalse(engine.cancel("endless", "shell:alice"));
        assertFalse(refresh.isDone());

        assertTrue(engine.cancel("blocking", "shell:alice"));
        assertEquals(FailureReason.CANCELLED, failureOf(refresh).reason());
    }

    @Test
    public void refreshesAfterACancelRunAsUsual() throws Exception {
        CompletableFuture<RefreshOutcome> cancelled = refreshInBackground("endless", "relay");
        await(slow.blocked);
        engine.cancel("endless", "shell:alice");
        failureOf(cancelled);

        assertEquals(10, engine.refresh(RefreshRequest.wholeDataset("quick", "relay"), new RecordingSink()).rows());
        assertEquals(RefreshStatus.SUCCEEDED, latest("quick").status());
        assertFalse("a finished refresh is no longer running", engine.cancel("quick", "shell:alice"));
    }

    @Test
    public void runningRefreshesAreCancelledWhenTheEngineGoesAway() throws Exception {
        CompletableFuture<RefreshOutcome> refresh = refreshInBackground("blocking", "relay");
        await(slow.blocked);

        engine.cancelRunningRefreshes();

        RefreshException failure = failureOf(refresh);
        assertEquals(FailureReason.CANCELLED, failure.reason());
        assertEquals("cancelled by the gateway stopping", failure.getMessage());
    }

    @Test
    public void aRefreshPastTheTimeLimitIsCancelledAndSaysSo() throws Exception {
        engine.setLimits(4, Duration.ofMillis(300));
        CompletableFuture<RefreshOutcome> refresh = refreshInBackground("endless", "schedule");

        RefreshException failure = failureOf(refresh);
        assertEquals(FailureReason.CANCELLED, failure.reason());
        assertEquals("cancelled by the time limit of 300 ms", failure.getMessage());
        store.awaitWrites(Duration.ofSeconds(HANG_GUARD_SECONDS));
        HistoryEntry entry = store.history().lastFinished("endless").orElseThrow();
        assertEquals(RefreshStatus.CANCELLED, entry.status());
        assertEquals("cancelled by the time limit of 300 ms", entry.reason());

        engine.setLimits(4, Duration.ofMinutes(1));
        assertEquals(10, engine.refresh(RefreshRequest.wholeDataset("quick", "t"), new RecordingSink()).rows());
    }

    @Test
    public void aDatasetThatIsRefreshingIsNotRefreshedTwiceAtOnce() throws Exception {
        CompletableFuture<RefreshOutcome> first = refreshInBackground("endless", "schedule");
        await(slow.blocked);

        RefreshException second = assertThrows(RefreshException.class,
                () -> engine.refresh(RefreshRequest.wholeDataset("endless", "relay"), new RecordingSink()));
        assertEquals(FailureReason.ALREADY_RUNNING, second.reason());
        assertTrue(second.getMessage(), second.getMessage().contains("endless is being refreshed already"));
        assertEquals("another dataset is not held up", 10,
                engine.refresh(RefreshRequest.wholeDataset("quick", "t"), new RecordingSink()).rows());

        engine.cancel("endless", "test");
        failureOf(first);
        store.awaitWrites(Duration.ofSeconds(HANG_GUARD_SECONDS));
        assertEquals("the refused request is not a refresh in the history", 1,
                store.history().recent("endless", false, 10).size());
    }

    private CompletableFuture<RefreshOutcome> refreshInBackground(String dataset, String trigger) {
        CompletableFuture<RefreshOutcome> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(engine.refresh(RefreshRequest.wholeDataset(dataset, trigger), new RecordingSink()));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "test-refresh-" + dataset);
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    private static RefreshException failureOf(CompletableFuture<RefreshOutcome> refresh) throws Exception {
        try {
            RefreshOutcome outcome = refresh.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            fail("the refresh should have been cancelled, it succeeded: " + outcome);
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RefreshException failure) {
                return failure;
            }
            throw e;
        }
    }

    private static void await(java.util.concurrent.CountDownLatch latch) throws InterruptedException {
        assertTrue("the slow source never got there", latch.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
    }

    private HistoryEntry latest(String dataset) throws Exception {
        store.awaitWrites(Duration.ofSeconds(10));
        List<HistoryEntry> entries = store.history().recent(dataset, false, 1);
        assertEquals(1, entries.size());
        return entries.get(0);
    }
}
