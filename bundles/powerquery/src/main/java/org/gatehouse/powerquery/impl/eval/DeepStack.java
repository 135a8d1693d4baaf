package org.gatehouse.powerquery.impl.eval;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs an evaluation on a thread with a large stack: M code recurses through {@code @f(n - 1)} thousands of levels deep
 * and a tree-walking evaluator spends several Java frames per M call. Beyond that the evaluator turns stack exhaustion
 * into an M error instead of killing the caller.
 */
public final class DeepStack {

    private static final long STACK_BYTES = 512L * 1024 * 1024;

    private DeepStack() {
    }

    public static <T> T call(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "m-evaluation", STACK_BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating", e);
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        return result.get();
    }
}
