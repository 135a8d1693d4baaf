package org.gatehouse.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.gatehouse.api.refresh.FailureReason;
import org.gatehouse.client.GatehouseClient;
import org.gatehouse.client.RelayException;
import org.gatehouse.protocol.Heartbeat;
import org.gatehouse.protocol.PartialResultException;
import org.gatehouse.protocol.RelayEndpoint;
import org.gatehouse.protocol.RemoteErrorException;

/**
 * Waits, step by step, until the freshly started gateway can serve the benchmark: its embedded relay accepts
 * connections, it says it is online with the SQL connector installed, and it knows the benchmark's dataset. Each
 * step fails with what was still missing, and with the log to read, rather than leaving a timeout to guess from.
 */
final class GatewayReadiness {

    private static final Duration POLL = Duration.ofMillis(500);
    /**
     * The benchmark's data source and dataset come from etc/ files that FileInstall and ConfigAdmin hand to the
     * gateway in their own time, possibly after the heartbeat that lists the connector; until then the gateway
     * answers with these codes, which here mean "not yet" rather than "wrong".
     */
    private static final Set<String> NOT_YET = Set.of(FailureReason.UNKNOWN_DATASET.name(),
            FailureReason.UNKNOWN_DATA_SOURCE.name(), FailureReason.CONNECTOR_NOT_INSTALLED.name());

    private final GatewayProcess gateway;
    private final GatewayDistribution distribution;
    private final long deadline;

    GatewayReadiness(GatewayProcess gateway, GatewayDistribution distribution, Duration timeout) {
        this.gateway = gateway;
        this.distribution = distribution;
        this.deadline = System.nanoTime() + timeout.toNanos();
    }

    /**
     * Connects to the relay once the gateway's embedded broker listens. The port is probed with a bare socket
     * first: each failed AMQP connection attempt would log an error from Qpid JMS while the gateway boots.
     */
    GatehouseClient connect(RelayEndpoint relay) throws IOException {
        Exception last = null;
        while (timeLeft()) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(relay.host(), relay.port()), (int) POLL.toMillis());
            } catch (IOException e) {
                last = e;
                pause();
                continue;
            }
            try {
                return GatehouseClient.connect(relay);
            } catch (RelayException e) {
                // a broker may open its port a moment before it serves AMQP connections: try again
                last = e;
                pause();
            }
        }
        throw notReady("the embedded relay at " + relay + " never accepted a connection", last);
    }

    /** The first heartbeat that lists the SQL connector: heartbeats name the connectors installed at that moment. */
    Heartbeat awaitSqlConnector(GatehouseClient client) throws IOException {
        Heartbeat last = null;
        while (timeLeft()) {
            Optional<Heartbeat> heartbeat = client.awaitHeartbeat(GatewayDistribution.GATEWAY_ID,
                    Duration.ofSeconds(5));
            if (heartbeat.isPresent()) {
                last = heartbeat.get();
                if (last.connectors().stream().anyMatch(connector -> connector.startsWith("sql@"))) {
                    return last;
                }
            } else {
                checkAlive();
            }
        }
        throw notReady(last == null ? "gateway " + GatewayDistribution.GATEWAY_ID + " sent no heartbeat"
                : "gateway " + GatewayDistribution.GATEWAY_ID + " runs without the sql connector: "
                        + last.connectors(), null);
    }

    /** Runs the first refresh, repeating it while the gateway has not yet read the benchmark's configuration. */
    Measurement firstRefresh(GatewayRefresh refresh)
            throws IOException, PartialResultException, RemoteErrorException {
        while (true) {
            try {
                return refresh.run();
            } catch (RemoteErrorException e) {
                if (!NOT_YET.contains(e.code()) || !timeLeft()) {
                    throw e;
                }
                pause();
            }
        }
    }

    private boolean timeLeft() throws IOException {
        checkAlive();
        return System.nanoTime() < deadline;
    }

    private void checkAlive() throws IOException {
        if (!gateway.isAlive()) {
            throw new IOException("the gateway's JVM exited during start-up; see " + distribution.log()
                    + " and " + distribution.home().resolve("data/log/karaf-console.log"));
        }
    }

    private void pause() throws IOException {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the gateway", e);
        }
    }

    private IOException notReady(String what, Exception cause) {
        return new IOException(what + " within the start-up timeout; see " + distribution.log(), cause);
    }
}
