package org.gatehouse.client;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;

import org.apache.qpid.jms.JmsConnectionFactory;
import org.gatehouse.protocol.ErrorCode;
import org.gatehouse.protocol.Heartbeat;
import org.gatehouse.protocol.Operation;
import org.gatehouse.protocol.PartialResultException;
import org.gatehouse.protocol.Protocol;
import org.gatehouse.protocol.ProtocolException;
import org.gatehouse.protocol.RelayEndpoint;
import org.gatehouse.protocol.RemoteErrorException;
import org.gatehouse.protocol.RequestMessage;
import org.gatehouse.protocol.ResultStreamReader;
import org.gatehouse.protocol.TableHeader;

/**
 * The service side of Gatehouse: asks gateways for data over the AMQP 1.0 relay and hands back verified results.
 * <p>
 * One client holds one relay connection; each request runs in its own JMS session and reply queue (see
 * {@link RawExchange}), so requests may run concurrently from several threads. A result is streamed to the caller's
 * {@link ResultStreamReader.Listener} while it arrives; it is only <em>verified</em> when the call returns normally,
 * so a listener that writes files should publish them only then (as {@link ResultFileWriter#commit()} does).
 */
public final class GatehouseClient implements AutoCloseable {

    private final Connection connection;
    private final ClientOptions options;
    private volatile JMSException connectionFailure;

    private GatehouseClient(Connection connection, ClientOptions options) {
        this.connection = connection;
        this.options = options;
    }

    /** Connects with the default timeouts. */
    public static GatehouseClient connect(RelayEndpoint endpoint) throws RelayException {
        return connect(endpoint, ClientOptions.defaults());
    }

    /**
     * Connects to the relay. The plain (non-failover) URI is used on purpose: a requester should hear at once that
     * the relay is unreachable rather than wait in a reconnect loop.
     */
    public static GatehouseClient connect(RelayEndpoint endpoint, ClientOptions options) throws RelayException {
        Objects.requireNonNull(options, "options");
        JmsConnectionFactory factory = new JmsConnectionFactory(endpoint.user(), endpoint.password(),
                endpoint.connectionUri());
        Connection connection = null;
        try {
            connection = factory.createConnection();
            GatehouseClient client = new GatehouseClient(connection, options);
            connection.setExceptionListener(e -> client.connectionFailure = e);
            connection.start(); // Qpid JMS connects here, so a wrong address or password fails now
            return client;
        } catch (JMSException e) {
            closeQuietly(connection);
            // the endpoint's toString shows where, never the password
            throw new RelayException("connecting to the relay at " + endpoint, e);
        }
    }

    public ClientOptions options() {
        return options;
    }

    /**
     * Refreshes a dataset: the gateway runs each of its queries and streams one table per query.
     *
     * @throws RemoteErrorException   the gateway refused or failed the refresh; its code and reason are kept
     * @throws PartialResultException the result arrived incomplete or damaged, or timed out
     *                                ({@link ResultTimeoutException}); everything received must be discarded
     * @throws IOException            the relay failed ({@link RelayException}) or the listener could not write
     */
    public RefreshSummary refreshDataset(String gatewayId, String dataset, ResultStreamReader.Listener listener)
            throws PartialResultException, RemoteErrorException, IOException {
        return request(gatewayId, Operation.REFRESH_DATASET, dataset, null, listener);
    }

    /** Runs one named query of a dataset; the result has one table. Fails like {@link #refreshDataset}. */
    public RefreshSummary runQuery(String gatewayId, String dataset, String query,
                                   ResultStreamReader.Listener listener)
            throws PartialResultException, RemoteErrorException, IOException {
        Objects.requireNonNull(query, "query");
        return request(gatewayId, Operation.RUN_QUERY, dataset, query, listener);
    }

    /** Defines a data source on the gateway; refused (REFUSED) if the id exists or the settings are invalid. */
    public void addDataSource(String gatewayId, String id, String kind, Map<String, String> settings)
            throws RemoteErrorException, PartialResultException, IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("kind", kind);
        settings.forEach((name, value) -> fields.put("setting." + name, value));
        administer(gatewayId, Operation.DATA_SOURCE_ADD, fields);
    }

    /**
     * Signs a data source in. A secret is sealed with the gateway's public key, which this waits for from its
     * heartbeat (up to the first-message timeout): it crosses the relay readable only by that gateway.
     */
    public void signIn(String gatewayId, String dataSourceId, SignIn signIn)
            throws RemoteErrorException, PartialResultException, IOException {
        String publicKey = null;
        if (signIn.hasSecret()) {
            publicKey = awaitHeartbeat(gatewayId, options.firstMessageTimeout()).orElseThrow(() ->
                    new ResultTimeoutException("no heartbeat from gateway " + gatewayId + " within "
                            + ResultReceiver.seconds(options.firstMessageTimeout()) + ", so its public key is unknown",
                            0)).publicKey();
        }
        try {
            administer(gatewayId, Operation.DATA_SOURCE_SIGN_IN, signIn.fields(dataSourceId, publicKey));
        } catch (ProtocolException e) {
            throw new IOException("gateway " + gatewayId + " published a public key that is not valid: "
                    + e.getMessage(), e);
        }
    }

    /** Removes a data source; refused (REFUSED, naming them) while datasets use it. */
    public void removeDataSource(String gatewayId, String id)
            throws RemoteErrorException, PartialResultException, IOException {
        administer(gatewayId, Operation.DATA_SOURCE_REMOVE, Map.of("id", id));
    }

    /** Defines a dataset; each query is {name, data source id, text}, in refresh order. */
    public void addDataset(String gatewayId, String name, List<DatasetQuery> queries)
            throws RemoteErrorException, PartialResultException, IOException {
        addDataset(gatewayId, name, queries, null);
    }

    /** Defines a dataset whose scheduled results go to {@code destination} (null: the gateway's results queue). */
    public void addDataset(String gatewayId, String name, List<DatasetQuery> queries, String destination)
            throws RemoteErrorException, PartialResultException, IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        if (destination != null) {
            fields.put("destination", destination);
        }
        int n = 0;
        for (DatasetQuery query : queries) {
            n++;
            fields.put("query." + n + ".name", query.name());
            fields.put("query." + n + ".datasource", query.dataSourceId());
            fields.put("query." + n + ".text", query.text());
        }
        administer(gatewayId, Operation.DATASET_ADD, fields);
    }

    public void removeDataset(String gatewayId, String name)
            throws RemoteErrorException, PartialResultException, IOException {
        administer(gatewayId, Operation.DATASET_REMOVE, Map.of("name", name));
    }

    /** One query of a dataset defined with {@link #addDataset}. */
    public record DatasetQuery(String name, String dataSourceId, String text) {
    }

    /** Sends an administrative request and waits for its empty result (done) or its error (refused). */
    private void administer(String gatewayId, Operation operation, Map<String, String> fields)
            throws RemoteErrorException, PartialResultException, IOException {
        Objects.requireNonNull(gatewayId, "gatewayId");
        String correlationId = UUID.randomUUID().toString();
        try (RawExchange exchange = openExchange()) {
            exchange.send(Protocol.requestAddress(gatewayId), RequestMessage.administrative(correlationId,
                    exchange.replyAddress(), operation, fields).toFrame(), options.firstMessageTimeout().toMillis());
            ResultReceiver receiver = new ResultReceiver(exchange, correlationId, gatewayId, options,
                    new ResultStreamReader.Listener() {
                        @Override
                        public void beginTable(TableHeader table) throws ProtocolException {
                            throw new ProtocolException(ErrorCode.BAD_REQUEST, "an administrative answer has no "
                                    + "tables");
                        }

                        @Override
                        public void row(Object[] values) {
                        }
                    });
            try {
                receiver.receiveAll();
            } catch (ResultTimeoutException e) {
                throwIfConnectionLost(e);
                throw e;
            }
        }
    }

    /**
     * Cancels the refreshes of a dataset running on the gateway right now, whoever asked for them: each requester
     * gets a {@link RemoteErrorException} with code {@link org.gatehouse.protocol.ErrorCode#CANCELLED}, and the
     * gateway's history records them as cancelled. Returns once the gateway has asked them to stop.
     *
     * @return true when a refresh of the dataset was running, false when none was
     * @throws RemoteErrorException   the gateway refused the request
     * @throws PartialResultException the answer arrived damaged or not at all ({@link ResultTimeoutException})
     * @throws IOException            the relay failed ({@link RelayException})
     */
    public boolean cancel(String gatewayId, String dataset)
            throws PartialResultException, RemoteErrorException, IOException {
        ResultStreamReader reader = exchange(gatewayId, Operation.CANCEL, dataset, null, NO_TABLES);
        if (reader.tables() != 0) {
            throw new PartialResultException("the answer to cancel holds " + reader.tables() + " tables");
        }
        try {
            return reader.endMessage().orElseThrow().number(Protocol.CANCELLED) == 1;
        } catch (ProtocolException e) {
            throw new PartialResultException("the answer to cancel has no valid " + Protocol.CANCELLED + ": "
                    + e.getMessage());
        }
    }

    /** A cancel's answer has no tables: anything in it is counted by the reader and refused by {@link #cancel}. */
    private static final ResultStreamReader.Listener NO_TABLES = new ResultStreamReader.Listener() {
        @Override
        public void beginTable(TableHeader table) {
        }

        @Override
        public void row(Object[] values) {
        }
    };

    /**
     * Opens a bare exchange: a private reply queue and a way to send any frame anywhere. For tests and tools that
     * need to speak the protocol wrongly on purpose; requests go through {@link #refreshDataset} and friends.
     */
    public RawExchange openExchange() throws RelayException {
        return new RawExchange(connection);
    }

    /**
     * Reads the results a gateway delivers on its own (scheduled refreshes) from {@code address}: a dataset's
     * destination, or the gateway's results queue {@code gatehouse.<gatewayId>.results}.
     */
    public DeliveredResults openDeliveredResults(String address) throws RelayException {
        return new DeliveredResults(new RawExchange(connection, address));
    }

    /** Waits for the next heartbeat of a gateway on the default events address. */
    public Optional<Heartbeat> awaitHeartbeat(String gatewayId, Duration timeout) throws RelayException {
        return awaitHeartbeat(Protocol.DEFAULT_EVENTS_ADDRESS, gatewayId, timeout);
    }

    /**
     * Waits for the next heartbeat of a gateway: the way to learn that it is online. Heartbeats published before the
     * call are not seen (the events address is a topic), so the timeout should exceed the heartbeat interval.
     *
     * @return the heartbeat, or empty when none came within the timeout
     */
    public Optional<Heartbeat> awaitHeartbeat(String eventsAddress, String gatewayId, Duration timeout)
            throws RelayException {
        try (HeartbeatSubscription.Waiter waiter = HeartbeatSubscription.waiter(connection, eventsAddress)) {
            return waiter.await(gatewayId, timeout);
        }
    }

    /**
     * Calls {@code consumer} with every heartbeat published on the events address from now until the returned
     * subscription is closed. The consumer runs on a JMS delivery thread and should return quickly.
     */
    public HeartbeatSubscription watchHeartbeats(String eventsAddress, Consumer<Heartbeat> consumer)
            throws RelayException {
        return HeartbeatSubscription.listen(connection, eventsAddress, consumer);
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private RefreshSummary request(String gatewayId, Operation operation, String dataset, String query,
                                   ResultStreamReader.Listener listener)
            throws PartialResultException, RemoteErrorException, IOException {
        long started = System.nanoTime();
        ResultStreamReader reader = exchange(gatewayId, operation, dataset, query, listener);
        return new RefreshSummary(dataset, reader.tables(), reader.rows(), reader.bodyBytes(),
                Duration.ofNanos(System.nanoTime() - started), reader.warnings());
    }

    /** Sends one request and receives its whole, verified result. */
    private ResultStreamReader exchange(String gatewayId, Operation operation, String dataset, String query,
                                        ResultStreamReader.Listener listener)
            throws PartialResultException, RemoteErrorException, IOException {
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(listener, "listener");
        String correlationId = UUID.randomUUID().toString();
        try (RawExchange exchange = openExchange()) {
            RequestMessage request = new RequestMessage(correlationId, exchange.replyAddress(), operation, dataset,
                    query);
            exchange.send(Protocol.requestAddress(gatewayId), request.toFrame(),
                    options.firstMessageTimeout().toMillis());
            ResultReceiver receiver = new ResultReceiver(exchange, correlationId, gatewayId, options, listener);
            try {
                receiver.receiveAll();
            } catch (ResultTimeoutException e) {
                throwIfConnectionLost(e);
                throw e;
            }
            return receiver.reader();
        }
    }

    /** A silent relay may be a dead connection: say so rather than blame the gateway. */
    private void throwIfConnectionLost(ResultTimeoutException timeout) throws RelayException {
        JMSException failure = connectionFailure;
        if (failure != null) {
            RelayException lost = new RelayException("the connection to the relay", failure);
            lost.addSuppressed(timeout);
            throw lost;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (JMSException e) {
            // closing a broken connection: nothing left to release
        }
    }
}
