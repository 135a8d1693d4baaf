package org.gatehouse.client;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.gatehouse.protocol.Frame;
import org.gatehouse.protocol.PartialResultException;
import org.gatehouse.protocol.Protocol;
import org.gatehouse.protocol.ProtocolException;
import org.gatehouse.protocol.RemoteErrorException;
import org.gatehouse.protocol.ResultStreamReader;
import org.gatehouse.protocol.TableHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the result of one request from its exchange into a {@link ResultStreamReader}, applying the first-message
 * and idle timeouts, until the reader has verified the end or something went wrong.
 */
final class ResultReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(ResultReceiver.class);

    private final RawExchange exchange;
    private final String correlationId;
    private final String gatewayId;
    private final ClientOptions options;
    private final GuardedListener listener;
    private final ResultStreamReader reader;

    ResultReceiver(RawExchange exchange, String correlationId, String gatewayId, ClientOptions options,
                   ResultStreamReader.Listener listener) {
        this.exchange = exchange;
        this.correlationId = correlationId;
        this.gatewayId = gatewayId;
        this.options = options;
        this.listener = new GuardedListener(listener);
        this.reader = new ResultStreamReader(correlationId, this.listener);
    }

    /** Receives until the result is complete and verified. */
    void receiveAll() throws PartialResultException, RemoteErrorException, IOException {
        long received = 0;
        while (true) {
            Duration timeout = received == 0 ? options.firstMessageTimeout() : options.idleTimeout();
            Frame frame = nextOwnFrame(timeout).orElseThrow(timeoutAfter(received, timeout));
            if (accept(frame, received++)) {
                return;
            }
        }
    }

    ResultStreamReader reader() {
        return reader;
    }

    /**
     * The next frame of this result within the timeout. Frames of other correlation ids (a reply to an earlier
     * request that was given up, a misrouted message) are skipped and do not extend the wait.
     */
    private Optional<Frame> nextOwnFrame(Duration timeout) throws PartialResultException, RelayException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Frame> frame;
            try {
                frame = exchange.receive(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            } catch (ProtocolException e) {
                throw new PartialResultException("a message of the result is not a protocol frame: " + e.getMessage());
            }
            if (frame.isEmpty() || correlationId.equals(frame.get().string(Protocol.CORRELATION_ID))) {
                return frame;
            }
            LOG.debug("ignoring a message for correlation id {} on the reply queue of {}",
                    frame.get().string(Protocol.CORRELATION_ID), correlationId);
        }
    }

    private boolean accept(Frame frame, long index) throws PartialResultException, RemoteErrorException,
            IOException {
        try {
            return reader.accept(frame);
        } catch (ProtocolException e) {
            throw new PartialResultException("message " + index + " is malformed: " + e.getMessage());
        } catch (ResultStreamReader.ListenerFailedException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        } catch (RuntimeException e) {
            if (listener.failed) {
                throw e;
            }
            // the reader decodes values with java.time and BigInteger, which reject a garbled body with runtime
            // exceptions; a garbled body is a damaged result, not a bug of the caller
            throw new PartialResultException("message " + index + " cannot be decoded: " + e);
        }
    }

    private Supplier<ResultTimeoutException> timeoutAfter(long received, Duration timeout) {
        return () -> new ResultTimeoutException(received == 0
                ? "no answer from gateway " + gatewayId + " within " + seconds(timeout)
                : "no message for " + seconds(timeout) + " after message " + (received - 1) + " of the result",
                received);
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
    }

    /** Remembers whether the caller's listener threw, to tell its failures from decoding failures. */
    private static final class GuardedListener implements ResultStreamReader.Listener {
        private final ResultStreamReader.Listener delegate;
        private boolean failed;

        GuardedListener(ResultStreamReader.Listener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void beginTable(TableHeader table) throws Exception {
            try {
                delegate.beginTable(table);
            } catch (Exception e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public void row(Object[] values) throws Exception {
            try {
                delegate.row(values);
            } catch (Exception e) {
                failed = true;
                throw e;
            }
        }
    }
}
