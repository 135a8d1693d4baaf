package org.gatehouse.connector.web.impl;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A response body whose every read must return within the read timeout; otherwise the body is closed, which makes
 * the JDK's HTTP client abort the exchange, and the read fails. HttpRequest's own timeout ends when the headers
 * arrive; this covers a server that stalls in the middle of a long body.
 */
final class TimeoutInputStream extends FilterInputStream {

    private final ScheduledExecutorService timer;
    private final long timeoutMillis;
    private volatile boolean timedOut;

    TimeoutInputStream(InputStream in, ScheduledExecutorService timer, Duration timeout) {
        super(in);
        this.timer = timer;
        this.timeoutMillis = timeout.toMillis();
    }

    @Override
    public int read() throws IOException {
        ScheduledFuture<?> alarm = arm();
        try {
            return super.read();
        } catch (IOException e) {
            throw timedOut ? timeout() : e;
        } finally {
            alarm.cancel(false);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        ScheduledFuture<?> alarm = arm();
        try {
            int read = super.read(buffer, offset, length);
            if (timedOut) {
                throw timeout();
            }
            return read;
        } catch (IOException e) {
            throw timedOut ? timeout() : e;
        } finally {
            alarm.cancel(false);
        }
    }

    private ScheduledFuture<?> arm() {
        return timer.schedule(() -> {
            timedOut = true;
            try {
                in.close();
            } catch (IOException e) {
                // the reader sees the failure either way
            }
        }, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private IOException timeout() {
        return new java.net.SocketTimeoutException("no data for " + timeoutMillis / 1000 + " s in the middle of "
                + "the response");
    }
}
