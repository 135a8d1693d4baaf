package org.gatehouse.powerquery.impl.eval;

import org.gatehouse.powerquery.MException;

/**
 * A cancelled evaluation is one whose thread was interrupted (a refresh cancelled by its requester, an eval case past
 * its time limit). The evaluator checks at every function call, which every M loop makes (List.Generate,
 * List.Accumulate, recursion), so even an endless query stops. The interrupt stays set, so a {@code try} around the
 * loop cannot swallow it: the next call fails again.
 */
public final class Cancellation {

    private Cancellation() {
    }

    static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw cancelled();
        }
    }

    public static MException cancelled() {
        return new MException("Expression.Error", "The evaluation was cancelled.");
    }
}
