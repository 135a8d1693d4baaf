package org.gatehouse.shell.impl;

import java.time.Duration;

import org.gatehouse.api.refresh.RefreshOutcome;

/**
 * The live line of a refresh the owner waits for. Each update starts with a carriage return and pads over what the
 * previous, longer update left, so the line is rewritten in place instead of scrolling.
 */
final class ProgressLine {

    /** At most four updates a second: enough to look live, few enough to cost a remote terminal nothing. */
    static final Duration INTERVAL = Duration.ofMillis(250);

    private final String dataset;
    private int shown;

    ProgressLine(String dataset) {
        this.dataset = dataset;
    }

    /** What to print to show the refresh at this point, over the line shown before. */
    String update(long rows, Duration elapsed) {
        String text = "refreshing " + dataset + ": " + Formats.count(rows) + " rows, " + Formats.rate(rows, elapsed)
                + ", " + Formats.duration(elapsed);
        String padding = " ".repeat(Math.max(0, shown - text.length()));
        shown = text.length();
        return "\r" + text + padding;
    }

    /** What to print to blank the line, leaving the cursor at its start for the final status. */
    String clear() {
        String blank = "\r" + " ".repeat(shown) + "\r";
        shown = 0;
        return blank;
    }

    /** The final status of a refresh that succeeded. */
    static String succeeded(RefreshOutcome outcome) {
        return outcome.dataset() + ": SUCCEEDED, " + outcome.tables() + (outcome.tables() == 1 ? " table, " : " tables, ")
                + Formats.count(outcome.rows()) + " rows in " + Formats.duration(outcome.elapsed()) + " ("
                + Formats.rate(outcome.rows(), outcome.elapsed()) + ")";
    }
}
