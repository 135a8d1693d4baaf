package org.gatehouse.connector.file.impl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.RowSource;

/** Reads a row source to the end, for assertions. */
final class Rows {

    private Rows() {
    }

    static List<List<Object>> all(RowSource source) throws ConnectorException {
        List<List<Object>> rows = new ArrayList<>();
        try (source) {
            Object[] row = new Object[source.schema().size()];
            while (source.next(row)) {
                rows.add(new ArrayList<>(Arrays.asList(row)));
            }
        }
        return rows;
    }
}
