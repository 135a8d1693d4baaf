package org.gatehouse.relay.impl;

import java.io.IOException;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.gatehouse.api.refresh.RefreshException;
import org.gatehouse.api.refresh.RefreshOutcome;
import org.gatehouse.api.refresh.RefreshRequest;
import org.gatehouse.api.refresh.RefreshService;
import org.gatehouse.protocol.Frame;
import org.gatehouse.protocol.FrameSender;
import org.gatehouse.protocol.Operation;
import org.gatehouse.protocol.Protocol;
import org.gatehouse.protocol.ProtocolException;
import org.gatehouse.protocol.RequestMessage;
import org.gatehouse.protocol.ResultStreamWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one request from the relay: decodes it, runs the refresh and streams the result to the reply address the
 * request names. Every failure the requester can be told about is answered with an error message; only a request
 * that cannot be answered at all (no reply address, relay gone mid-answer) fails the exchange, which sends it to the
 * dead-letter address so nothing is lost.
 */
final class RequestProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(RequestProcessor.class);

    private final RefreshService refreshService;
    private final RelaySender replies;
    private final String gatewayId;
    private final int maxChunkBytes;
    private final AdminRequests admin;

    RequestProcessor(RefreshService refreshService, AdminRequests admin, RelaySender replies, String gatewayId,
                     int maxChunkBytes) {
        this.admin = admin;
        this.refreshService = refreshService;
        this.replies = replies;
        this.gatewayId = gatewayId;
        this.maxChunkBytes = maxChunkBytes;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Frame frame = CamelFrames.fromMessage(exchange.getIn());
        String replyTo = RequestMessage.replyAddressOf(frame);
        RequestMessage request;
        try {
            request = RequestMessage.parse(frame);
        } catch (ProtocolException e) {
            if (replyTo == null) {
                throw new UnanswerableRequestException("request without reply address dropped to dead letter: "
                        + e.getMessage());
            }
            LOG.warn("bad request from relay answered with {}: {}", e.code(), e.getMessage());
            ResultStreamWriter.sendError(sender(replyTo), frame.string(Protocol.CORRELATION_ID),
                    gatewayId, 0, e.code(), e.getMessage());
            return;
        }
        serve(request);
    }

    private void serve(RequestMessage request) throws IOException {
        ResultStreamWriter writer = new ResultStreamWriter(sender(request.replyTo()), request.correlationId(),
                gatewayId, maxChunkBytes);
        if (request.operation().administrative()) {
            try {
                admin.serve(request);
                writer.finish();
            } catch (ProtocolException e) {
                writer.fail(e.code(), e.getMessage());
            }
            return;
        }
        if (request.operation() == Operation.CANCEL) {
            // served on its own consumer thread while the refresh it cancels runs on another
            boolean cancelled = refreshService.cancel(request.dataset(), "relay");
            writer.finish(Map.of(Protocol.CANCELLED, cancelled ? 1 : 0));
            return;
        }
        try {
            RefreshOutcome outcome = refreshService.refresh(new RefreshRequest(request.dataset(), request.query(),
                    "relay"), writer);
            // the requester learns of cells loaded as empty as the history does
            writer.finish(outcome.warnings().isEmpty() ? Map.of()
                    : Map.of(Protocol.WARNINGS, String.join("\n", outcome.warnings())));
        } catch (RefreshException e) {
            // the engine has logged the failure; the requester gets the same reason
            writer.fail(e.reason().name(), e.getMessage());
        }
    }

    private FrameSender sender(String address) {
        return replies.to(address);
    }

    /** A request nobody can be told about; the route's dead-letter handler keeps it. */
    static final class UnanswerableRequestException extends Exception {
        private static final long serialVersionUID = 1L;

        UnanswerableRequestException(String message) {
            super(message);
        }
    }
}
