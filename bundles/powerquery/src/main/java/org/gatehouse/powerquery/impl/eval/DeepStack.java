package org.gatehouse.powerquery.impl.eval;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.gatehouse.powerquery.MException;

/**
 * Runs an evaluation on a thread with a large stack: M code recurses through {@code @f(n - 1)} thousands of levels deep
 * and a tree-walking evaluator spends several Java frames per M call. Beyond that the evaluator turns stack exhaustion
 * into an M error instead of killing the caller.
 * <p>
 * The evaluation stops when its caller is interrupted (a cancelled refresh) or, with a time limit, when the limit
 * passes (one runaway case of {@code gatehouse-m eval} must not hold up the rest): the evaluation thread is interrupted,
 * and the evaluator checks that at every function call ({@link Cancellation}).
 */
public final class DeepStack {

    private static final long STACK_BYTES = 512L * 1024 * 1024;
    /** How long a stopped evaluation gets to unwind before its thread is left to finish on its own. */
    private static final long UNWIND_MILLIS = 10_000;

    private DeepStack() {
    }

    public static <T> T call(Supplier<T> work) {
        return call(work, 0);
    }

    /** As {@link #call(Supplier)}, stopping the evaluation after {@code limitMillis} (0: no limit). */
    public static <T> T call(Supplier<T> work, long limitMillis) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "m-evaluation", STACK_BYTES);
        t.setDaemon(true); // a runaway evaluation never keeps the JVM alive
        t.start();
        try {
            t.join(limitMillis);
        } catch (InterruptedException e) {
            stop(t);
            Thread.currentThread().interrupt();
            throw Cancellation.cancelled();
        }
        if (t.isAlive()) {
            stop(t);
            throw new MException("Expression.Error", "The evaluation did not finish within "
                    + TimeUnit.MILLISECONDS.toSeconds(limitMillis) + " s and was stopped.");
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

    private static void stop(Thread evaluation) {
        evaluation.interrupt();
        try {
            evaluation.join(UNWIND_MILLIS);
        } catch (InterruptedException again) {
            Thread.currentThread().interrupt();
        }
    }
}
