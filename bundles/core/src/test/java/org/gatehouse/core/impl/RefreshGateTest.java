package org.gatehouse.core.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.gatehouse.api.refresh.FailureReason;
import org.gatehouse.api.refresh.RefreshException;
import org.junit.Test;

/** The global bound on concurrent refreshes, first come first served, and one refresh per dataset. */
public class RefreshGateTest {

    private static final long HANG_GUARD_SECONDS = 30;

    @Test
    public void beyondTheLimitRefreshesWaitTheirTurnInOrder() throws Exception {
        RefreshGate gate = new RefreshGate(1);
        gate.enter(new RunningRefresh("a"));
        List<String> admitted = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> b = enterInBackground(gate, "b", admitted);
        waitUntilQueued(gate, b);
        CompletableFuture<Void> c = enterInBackground(gate, "c", admitted);
        Thread.sleep(100); // only lets c queue behind b; the order below is what is checked
        assertTrue("nobody passes a full gate", admitted.isEmpty());

        gate.leave("a");
        b.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        gate.leave("b");
        c.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        assertEquals(List.of("b", "c"), admitted);
        assertEquals(1, gate.running());
    }

    @Test
    public void aSecondRefreshOfADatasetIsRefusedWhetherItRunsOrWaits() throws Exception {
        RefreshGate gate = new RefreshGate(1);
        gate.enter(new RunningRefresh("a"));
        RefreshException running = assertThrows(RefreshException.class, () -> gate.enter(new RunningRefresh("a")));
        assertEquals(FailureReason.ALREADY_RUNNING, running.reason());

        CompletableFuture<Void> waiting = enterInBackground(gate, "b", new CopyOnWriteArrayList<>());
        waitUntilQueued(gate, waiting);
        assertEquals(FailureReason.ALREADY_RUNNING,
                assertThrows(RefreshException.class, () -> gate.enter(new RunningRefresh("b"))).reason());
        gate.leave("a");
        waiting.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    public void aRefreshCancelledWhileWaitingLeavesTheQueueAndTheOthersKeepTheirOrder() throws Exception {
        RefreshGate gate = new RefreshGate(1);
        gate.enter(new RunningRefresh("a"));
        RunningRefresh cancelledOne = new RunningRefresh("b");
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> {
            try {
                gate.enter(cancelledOne);
            } catch (RefreshException e) {
                throw new IllegalStateException(e.reason().name());
            }
        });
        waitUntilQueued(gate, b);
        List<String> admitted = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> c = enterInBackground(gate, "c", admitted);

        cancelledOne.cancel("test");
        assertThrows(Exception.class, () -> b.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
        assertFalse(c.isDone());
        gate.leave("a");
        c.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        assertEquals(List.of("c"), admitted);
        gate.leave("c");
        gate.enter(new RunningRefresh("b")); // b may come again now that it left the queue
        assertEquals(1, gate.running());
    }

    private static CompletableFuture<Void> enterInBackground(RefreshGate gate, String dataset, List<String> admitted) {
        return CompletableFuture.runAsync(() -> {
            try {
                gate.enter(new RunningRefresh(dataset));
                admitted.add(dataset);
            } catch (RefreshException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Gives a background enter the moment it needs to take its ticket; it must then still be waiting. */
    private static void waitUntilQueued(RefreshGate gate, CompletableFuture<Void> entering) throws Exception {
        Thread.sleep(200);
        assertFalse("it should wait for a free slot", entering.isDone());
    }
}
