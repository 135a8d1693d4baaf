package org.gatehouse.bench;

import java.io.IOException;

import org.gatehouse.client.GatehouseClient;
import org.gatehouse.client.RefreshSummary;
import org.gatehouse.protocol.PartialResultException;
import org.gatehouse.protocol.RemoteErrorException;
import org.gatehouse.protocol.ResultStreamReader;
import org.gatehouse.protocol.TableHeader;

/**
 * Side (b): the same table refreshed through the gateway (its SQL connector reads PostgreSQL), the relay and the
 * client SDK, which verifies sequence, counts and CRC before the call returns. The listener consumes every decoded
 * value with the same checksum as side (a), so both sides do the same work with the rows at the end.
 */
final class GatewayRefresh {

    private final GatehouseClient client;
    private final HeapSampler heap;

    GatewayRefresh(GatehouseClient client, HeapSampler heap) {
        this.client = client;
        this.heap = heap;
    }

    /** Timed by the SDK: from sending the request to verifying the end of the result. */
    Measurement run() throws IOException, PartialResultException, RemoteErrorException {
        RowChecksum checksum = new RowChecksum();
        long started = System.nanoTime();
        RefreshSummary summary = client.refreshDataset(GatewayDistribution.GATEWAY_ID, GatewayDistribution.DATASET,
                new ResultStreamReader.Listener() {
                    @Override
                    public void beginTable(TableHeader table) {
                        // one table, nothing to set up: the row array is all the listener needs
                    }

                    @Override
                    public void row(Object[] values) {
                        checksum.add(values);
                    }
                });
        HeapPeak peak = heap.peakBetween(started, System.nanoTime());
        if (summary.rows() != checksum.rows()) {
            throw new IllegalStateException("the SDK verified " + summary.rows() + " rows but handed "
                    + checksum.rows() + " to the listener");
        }
        return new Measurement(summary.rows(), summary.bodyBytes(), summary.elapsed(), checksum.hex(), peak, null);
    }
}
