package org.gatehouse.client.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.gatehouse.client.ClientOptions;
import org.gatehouse.client.GatehouseClient;
import org.gatehouse.protocol.Heartbeat;
import org.gatehouse.protocol.Protocol;
import org.gatehouse.protocol.RelayEndpoint;

/** {@code gatehouse-client heartbeat}: waits for a gateway's next heartbeat and prints it; tells if it is online. */
final class HeartbeatCommand {

    static final Set<String> OPTIONS = options();
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final PrintStream out;
    private final PrintStream err;
    private final Function<String, String> environment;

    HeartbeatCommand(PrintStream out, PrintStream err, Function<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    int run(CommandLine line) throws UsageException, IOException {
        RelayEndpoint endpoint = RelaySettings.endpoint(line, environment);
        String gateway = line.required("gateway");
        String events = line.optional("events").orElse(Protocol.DEFAULT_EVENTS_ADDRESS);
        Duration timeout = line.seconds("timeout").orElse(DEFAULT_TIMEOUT);

        try (GatehouseClient client = GatehouseClient.connect(endpoint, ClientOptions.defaults())) {
            Optional<Heartbeat> heartbeat = client.awaitHeartbeat(events, gateway, timeout);
            if (heartbeat.isEmpty()) {
                err.println("heartbeat failed: no heartbeat from gateway " + gateway + " on " + events + " within "
                        + BigDecimal.valueOf(timeout.toMillis(), 3).stripTrailingZeros().toPlainString() + " s");
                return ExitCode.INCOMPLETE;
            }
            out.println(describe(heartbeat.get()));
        }
        return ExitCode.OK;
    }

    static String describe(Heartbeat heartbeat) {
        return "gateway " + heartbeat.gatewayId() + " is online: version " + heartbeat.version()
                + ", requests on " + heartbeat.requestAddress() + ", connectors: "
                + (heartbeat.connectors().isEmpty() ? "none" : String.join(", ", heartbeat.connectors()));
    }

    private static Set<String> options() {
        Set<String> options = new HashSet<>(RelaySettings.OPTIONS);
        options.addAll(Set.of("gateway", "timeout", "events"));
        return Set.copyOf(options);
    }
}
