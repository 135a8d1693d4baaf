package org.gatehouse.examples.generated;

import java.util.Locale;

import org.gatehouse.api.ConnectorException;

/**
 * What a query of this connector says: {@code orders ROWS [pause EVERY:MILLIS]}, e.g. {@code orders 1000} or
 * {@code orders 100000 pause 1000:50} (sleep 50 ms after every 1,000 rows). One table kind for now: orders.
 */
record GeneratedQuery(long rows, long pauseEveryRows, long pauseMillis) {

    static final long MAX_ROWS = 1_000_000_000L;

    static GeneratedQuery parse(String dataSource, String queryName, String text) throws ConnectorException {
        String[] words = text.trim().toLowerCase(Locale.ROOT).split("\\s+");
        if (words.length != 2 && words.length != 4 || !words[0].equals("orders")
                || words.length == 4 && !words[2].equals("pause")) {
            throw invalid(dataSource, queryName, text, "expected 'orders ROWS' or 'orders ROWS pause EVERY:MILLIS'");
        }
        long rows = number(dataSource, queryName, text, words[1]);
        if (rows > MAX_ROWS) {
            throw invalid(dataSource, queryName, text, "at most " + MAX_ROWS + " rows");
        }
        if (words.length == 2) {
            return new GeneratedQuery(rows, 0, 0);
        }
        String[] pause = words[3].split(":");
        if (pause.length != 2) {
            throw invalid(dataSource, queryName, text, "pause is EVERY:MILLIS, e.g. 1000:50");
        }
        return new GeneratedQuery(rows, number(dataSource, queryName, text, pause[0]),
                number(dataSource, queryName, text, pause[1]));
    }

    private static long number(String dataSource, String queryName, String text, String word)
            throws ConnectorException {
        try {
            long value = Long.parseLong(word);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(dataSource, queryName, text, "'" + word + "' is not a count");
    }

    private static ConnectorException invalid(String dataSource, String queryName, String text, String why) {
        return new ConnectorException(ConnectorException.Reason.QUERY_FAILED, "query '" + queryName
                + "' on data source " + dataSource + " is not understood (" + text.strip() + "): " + why);
    }
}
