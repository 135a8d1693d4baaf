package org.gatehouse.examples.generated;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import org.gatehouse.api.Column;
import org.gatehouse.api.ColumnType;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.RowSource;
import org.gatehouse.api.Schema;

/**
 * The rows of one generated table, made one at a time from a seeded random generator: the same seed and row count
 * give the same rows on every refresh, and nothing but the current row is ever in memory.
 */
final class GeneratedOrders implements RowSource {

    static final Schema SCHEMA = new Schema(List.of(
            new Column("order_id", ColumnType.LONG),
            new Column("order_date", ColumnType.DATE),
            new Column("customer", ColumnType.STRING),
            new Column("region", ColumnType.STRING),
            new Column("amount", ColumnType.DECIMAL),
            new Column("paid", ColumnType.BOOLEAN)));

    private static final String[] CUSTOMERS = {"Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne"};
    private static final String[] REGIONS = {"north", "south", "east", "west"};
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);

    private final String dataSource;
    private final String queryName;
    private final long rows;
    private final long pauseEveryRows;
    private final long pauseMillis;
    private final SplittableRandom random;
    private long produced;
    private volatile boolean cancelled;

    GeneratedOrders(String dataSource, String queryName, long seed, GeneratedQuery query) {
        this.dataSource = dataSource;
        this.queryName = queryName;
        this.rows = query.rows();
        this.pauseEveryRows = query.pauseEveryRows();
        this.pauseMillis = query.pauseMillis();
        this.random = new SplittableRandom(seed);
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public boolean next(Object[] row) throws ConnectorException {
        if (cancelled) {
            throw new ConnectorException(ConnectorException.Reason.CANCELLED,
                    "query '" + queryName + "' on data source " + dataSource + " was cancelled");
        }
        if (produced == rows) {
            return false;
        }
        pauseIfAsked();
        produced++;
        row[0] = produced;
        row[1] = FIRST_DAY.plusDays(random.nextInt(365));
        row[2] = CUSTOMERS[random.nextInt(CUSTOMERS.length)];
        row[3] = REGIONS[random.nextInt(REGIONS.length)];
        row[4] = BigDecimal.valueOf(random.nextLong(100, 1_000_000)).movePointLeft(2)
                .setScale(2, RoundingMode.UNNECESSARY);
        row[5] = random.nextInt(10) > 1;
        return true;
    }

    /** A slow source on request (the "pause" option), so that a refresh can be watched or cancelled mid-way. */
    private void pauseIfAsked() throws ConnectorException {
        if (pauseEveryRows > 0 && produced > 0 && produced % pauseEveryRows == 0) {
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectorException(ConnectorException.Reason.CANCELLED,
                        "query '" + queryName + "' on data source " + dataSource + " was interrupted");
            }
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public void close() {
        // nothing is held: the rows are computed
    }
}
