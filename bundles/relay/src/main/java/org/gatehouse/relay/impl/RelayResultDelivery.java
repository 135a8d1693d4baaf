package org.gatehouse.relay.impl;

import java.io.IOException;

import org.gatehouse.api.Schema;
import org.gatehouse.api.refresh.ResultDelivery;
import org.gatehouse.protocol.Protocol;
import org.gatehouse.protocol.ResultStreamWriter;

/** Results for an address on the relay, with the same framing as answers to requests. */
final class RelayResultDelivery implements ResultDelivery {

    private final RelaySender sender;
    private final String gatewayId;
    private final int maxChunkBytes;

    RelayResultDelivery(RelaySender sender, String gatewayId, int maxChunkBytes) {
        this.sender = sender;
        this.gatewayId = gatewayId;
        this.maxChunkBytes = maxChunkBytes;
    }

    /** {@code gatehouse.<gatewayId>.results}: one queue per gateway, each message naming its dataset. */
    @Override
    public String defaultAddress(String dataset) {
        return "gatehouse." + gatewayId + ".results";
    }

    @Override
    public Delivery open(String address, String correlationId, String dataset) {
        ResultStreamWriter writer = new ResultStreamWriter(sender.to(address), correlationId, gatewayId,
                maxChunkBytes).withDataset(dataset);
        return new Delivery() {
            @Override
            public void beginTable(String name, Schema schema) throws IOException {
                writer.beginTable(name, schema);
            }

            @Override
            public void row(Object[] values) throws IOException {
                writer.row(values);
            }

            @Override
            public void endTable(long rows) throws IOException {
                writer.endTable(rows);
            }

            @Override
            public long bytesDelivered() {
                return writer.bytesDelivered();
            }

            @Override
            public void finish() throws IOException {
                writer.finish();
            }

            @Override
            public void finish(java.util.List<String> warnings) throws IOException {
                writer.finish(warnings.isEmpty() ? java.util.Map.of()
                        : java.util.Map.of(Protocol.WARNINGS, String.join("\n", warnings)));
            }

            @Override
            public void fail(String code, String message) throws IOException {
                writer.fail(code, message);
            }
        };
    }
}
