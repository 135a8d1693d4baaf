package org.gatehouse.core.impl;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.gatehouse.api.AuthenticationType;
import org.gatehouse.api.Column;
import org.gatehouse.api.ColumnType;
import org.gatehouse.api.Connector;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.DataSourceSettings;
import org.gatehouse.api.Query;
import org.gatehouse.api.RowSource;
import org.gatehouse.api.Schema;

/**
 * A connector of kind {@code slow} whose sources never end on their own: like a database read that waits for rows
 * from the server. Query text {@code blocking}: after {@link #rowsBeforeBlocking} rows, {@code next()} waits until the
 * source is cancelled (as a JDBC fetch waits until the statement is cancelled) and then fails CANCELLED. Query text
 * {@code endless}: rows forever, and {@code cancel()} does nothing, like a connector that cannot cancel. A test can
 * hold {@code open()} back with {@link #openGate}, as a query that has not returned its first rows yet.
 */
final class SlowConnector implements Connector {

    final int rowsBeforeBlocking = 5;
    final CountDownLatch blocked = new CountDownLatch(1);
    final CountDownLatch opening = new CountDownLatch(1);
    /** Permits for open() to return; unlimited unless a test takes them away. */
    final Semaphore openGate = new Semaphore(Integer.MAX_VALUE);
    final AtomicInteger endlessRows = new AtomicInteger();
    final AtomicInteger cancelled = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();
    final AtomicInteger opened = new AtomicInteger();
    /** Cancel calls that arrived after the source was closed: must stay 0. */
    final AtomicInteger cancelledAfterClose = new AtomicInteger();

    @Override
    public String kind() {
        return "slow";
    }

    @Override
    public Set<AuthenticationType> supportedAuthentication() {
        return EnumSet.of(AuthenticationType.ANONYMOUS);
    }

    @Override
    public void test(DataSourceSettings settings, Credentials credentials) {
    }

    @Override
    public RowSource open(DataSourceSettings settings, Credentials credentials, Query query)
            throws ConnectorException {
        opening.countDown();
        try {
            if (!openGate.tryAcquire(60, TimeUnit.SECONDS)) {
                throw new ConnectorException(ConnectorException.Reason.SOURCE_UNREACHABLE, "test never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(ConnectorException.Reason.SOURCE_UNREACHABLE, "interrupted");
        }
        opened.incrementAndGet();
        return "endless".equals(query.text()) ? new Endless() : new Blocking(query.name());
    }

    private abstract class Source implements RowSource {
        volatile boolean isClosed;

        @Override
        public Schema schema() {
            return new Schema(List.of(new Column("n", ColumnType.LONG)));
        }

        @Override
        public void close() {
            isClosed = true;
            closed.incrementAndGet();
        }
    }

    private final class Blocking extends Source {
        private final String name;
        private final CountDownLatch cancelSignal = new CountDownLatch(1);
        private long next;

        Blocking(String name) {
            this.name = name;
        }

        @Override
        public boolean next(Object[] row) throws ConnectorException {
            if (next == rowsBeforeBlocking) {
                blocked.countDown();
                try {
                    if (!cancelSignal.await(60, TimeUnit.SECONDS)) {
                        throw new ConnectorException(ConnectorException.Reason.QUERY_FAILED, "never cancelled");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new ConnectorException(ConnectorException.Reason.CANCELLED, "query '" + name
                        + "' on data source slow was cancelled");
            }
            row[0] = next++;
            return true;
        }

        @Override
        public void cancel() {
            if (isClosed) {
                cancelledAfterClose.incrementAndGet();
            }
            cancelled.incrementAndGet();
            cancelSignal.countDown();
        }
    }

    private final class Endless extends Source {
        private long next;

        @Override
        public boolean next(Object[] row) {
            row[0] = next++;
            if (endlessRows.incrementAndGet() == rowsBeforeBlocking) {
                blocked.countDown();
            }
            return true;
        }
    }
}
