package org.gatehouse.powerquery;

import java.util.ArrayList;
import java.util.List;

import org.gatehouse.powerquery.impl.value.Thunk;

/**
 * The cells of a loading query whose value is an M error. Excel loads such a cell as an empty cell, counts it ("5
 * errors") and still loads the rest; so does the gateway: the cell becomes null and the errors are reported as a
 * warning of the refresh. An error of a whole row or of the table (a failing filter, a missing file) still fails the
 * query.
 */
final class LoadErrors {

    /** How many failing cells are described one by one; the rest are only counted. */
    private static final int DESCRIBED = 3;

    private long count;
    private final List<String> described = new ArrayList<>();

    /** The cell's value, or null when it is an error (then counted). {@code row} counts from 1. */
    Object value(Object cell, long row, String column) {
        try {
            return Thunk.force(cell);
        } catch (MException e) {
            count++;
            if (described.size() < DESCRIBED) {
                described.add("row " + row + ", column " + column + ": " + e.reason() + ": " + e.getMessage());
            }
            return null;
        }
    }

    long count() {
        return count;
    }

    /** One line for the refresh's warnings, or none when every cell had a value. */
    List<String> warnings() {
        if (count == 0) {
            return List.of();
        }
        String cells = count == 1 ? "1 cell's value is an error and was" : count + " cells' values are errors and were";
        return List.of(cells + " loaded as empty, as Excel loads them (" + String.join("; ", described)
                + (count > described.size() ? "; ..." : "") + ")");
    }
}
