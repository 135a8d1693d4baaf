package org.gatehouse.itests;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Polls a check that reports what is still wrong. The container keeps starting things after the probe runs (DS
 * activation, Camel routes, the broker), so a test waits for the condition and, if it never holds, fails with the
 * last list of problems rather than a bare "false".
 */
final class Eventually {

    private Eventually() {
    }

    static List<String> problemsAfter(Duration timeout, Supplier<List<String>> check) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> problems = check.get();
        while (!problems.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            problems = check.get();
        }
        return problems;
    }
}
