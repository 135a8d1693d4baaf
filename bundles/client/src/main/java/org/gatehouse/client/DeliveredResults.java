package org.gatehouse.client;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import org.gatehouse.protocol.Frame;
import org.gatehouse.protocol.PartialResultException;
import org.gatehouse.protocol.Protocol;
import org.gatehouse.protocol.ProtocolException;
import org.gatehouse.protocol.RemoteErrorException;
import org.gatehouse.protocol.ResultStreamReader;

/**
 * Results a gateway delivers without being asked (its scheduled refreshes), read from their address one after the
 * other: each is verified like an answer (sequence, row count, checksum) and names its dataset. Messages of another
 * result that arrive in between are skipped, as a reply queue skips stray correlation ids.
 */
public final class DeliveredResults implements AutoCloseable {

    private final RawExchange exchange;

    DeliveredResults(RawExchange exchange) {
        this.exchange = exchange;
    }

    /**
     * Reads the next result that starts within {@code timeout}, streaming it to {@code listener}.
     *
     * @return its summary (the dataset it names), or empty when no result started in time
     * @throws RemoteErrorException   the scheduled refresh failed; its reason is kept
     * @throws PartialResultException it arrived incomplete or damaged, or stopped for longer than {@code timeout}
     */
    public Optional<RefreshSummary> next(Duration timeout, ResultStreamReader.Listener listener)
            throws PartialResultException, RemoteErrorException, IOException {
        long started = System.nanoTime();
        Optional<Frame> first = receive(timeout);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        String correlationId = first.get().string(Protocol.CORRELATION_ID);
        String dataset = first.get().string(Protocol.DATASET);
        ResultStreamReader reader = new ResultStreamReader(correlationId, listener);
        Frame frame = first.get();
        while (true) {
            try {
                if (correlationId.equals(frame.string(Protocol.CORRELATION_ID)) && reader.accept(frame)) {
                    return Optional.of(new RefreshSummary(dataset, reader.tables(), reader.rows(),
                            reader.bodyBytes(), Duration.ofNanos(System.nanoTime() - started), reader.warnings()));
                }
            } catch (ProtocolException e) {
                throw new PartialResultException("a message of the delivered result is malformed: " + e.getMessage());
            } catch (ResultStreamReader.ListenerFailedException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw e;
            }
            frame = receive(timeout).orElseThrow(() -> new ResultTimeoutException("the delivered result of "
                    + dataset + " stopped for " + ResultReceiver.seconds(timeout), reader.rows()));
        }
    }

    private Optional<Frame> receive(Duration timeout) throws RelayException, PartialResultException {
        try {
            return exchange.receive(timeout);
        } catch (ProtocolException e) {
            throw new PartialResultException("a delivered message is not a protocol frame: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        exchange.close();
    }
}
