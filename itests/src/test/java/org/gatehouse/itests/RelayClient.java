package org.gatehouse.itests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.gatehouse.client.ClientOptions;
import org.gatehouse.client.GatehouseClient;
import org.gatehouse.client.RefreshSummary;
import org.gatehouse.protocol.RelayEndpoint;
import org.gatehouse.protocol.ResultStreamReader;
import org.gatehouse.protocol.TableHeader;

/**
 * Inside a container with the gatehouse-client feature: the client SDK on the embedded relay, as the service that
 * drives a gateway uses it. Kept out of {@link GatehouseTestSupport}, which every test class loads, because
 * containers without the client feature cannot load the SDK's classes.
 */
final class RelayClient {

    /** The gateway name of the test distributions. */
    static final String GATEWAY = "local";

    private static final Duration MESSAGE_TIMEOUT = Duration.ofSeconds(30);

    private RelayClient() {
    }

    static GatehouseClient connect() throws Exception {
        return connect(MESSAGE_TIMEOUT);
    }

    /** A client whose first message and every later one must come within {@code timeout}. */
    static GatehouseClient connect(Duration timeout) throws Exception {
        return GatehouseClient.connect(RelayEndpoint.parse(GatehouseTestSupport.relayUrl(), null, null),
                ClientOptions.defaults().withFirstMessageTimeout(timeout).withIdleTimeout(timeout));
    }

    /** A client, trying again each second until {@code patience} has passed while the relay is not up yet. */
    static GatehouseClient connectWhenUp(Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                return connect();
            } catch (Exception relayNotUpYet) {
                if (System.nanoTime() > deadline) {
                    throw relayNotUpYet;
                }
                Thread.sleep(1_000);
            }
        }
    }

    /**
     * Refreshes over the relay, trying again each second until {@code patience} has passed: the first refresh after
     * a start may race the configurations and the relay link; later ones must not fail.
     */
    static Collected refreshWithRetry(String dataset, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try (GatehouseClient client = connect()) {
                Collected result = new Collected();
                result.summary = client.refreshDataset(GATEWAY, dataset, result);
                return result;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(1_000);
            }
        }
    }

    /** Collects what the client receives, copying each row (the reader reuses its array). */
    static final class Collected implements ResultStreamReader.Listener {
        final List<TableHeader> tables = new ArrayList<>();
        final List<Object[]> rows = new ArrayList<>();
        RefreshSummary summary;

        @Override
        public void beginTable(TableHeader table) {
            tables.add(table);
        }

        @Override
        public void row(Object[] values) {
            rows.add(values.clone());
        }
    }
}
