package org.gatehouse.shell.impl;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.gatehouse.api.refresh.RefreshException;
import org.gatehouse.api.refresh.RefreshOutcome;
import org.gatehouse.api.refresh.RefreshRequest;
import org.gatehouse.api.refresh.RefreshService;

/**
 * A refresh started from the shell, on a thread of its own: the refresh service runs a refresh in the calling thread,
 * and the shell must stay free to show progress while it runs, or to return at once. Once started it runs to its end
 * whatever the shell does; the refresh history records how it ended.
 */
final class ShellRefresh {

    private final CountingSink sink = new CountingSink();
    private final CompletableFuture<RefreshOutcome> result = new CompletableFuture<>();
    private final long startedNanos = System.nanoTime();

    private ShellRefresh() {
    }

    static ShellRefresh start(RefreshService refreshes, RefreshRequest request) {
        ShellRefresh refresh = new ShellRefresh();
        Thread thread = new Thread(() -> refresh.run(refreshes, request), "gatehouse-shell-refresh-" + request.dataset());
        // never the reason the gateway cannot stop
        thread.setDaemon(true);
        thread.start();
        return refresh;
    }

    private void run(RefreshService refreshes, RefreshRequest request) {
        try {
            result.complete(refreshes.refresh(request, sink));
        } catch (RefreshException | RuntimeException failure) {
            result.completeExceptionally(failure);
        }
    }

    long rows() {
        return sink.rows();
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /**
     * Waits up to {@code timeout} for the refresh to end.
     *
     * @return the outcome, or empty while it still runs
     * @throws RefreshException the refresh failed, with its reason
     */
    Optional<RefreshOutcome> await(Duration timeout) throws RefreshException, InterruptedException {
        try {
            return Optional.of(result.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException stillRunning) {
            return Optional.empty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RefreshException failure) {
                throw failure;
            }
            throw (RuntimeException) e.getCause();
        }
    }
}
