package org.gatehouse.bench;

import java.io.PrintStream;

import org.gatehouse.client.GatehouseClient;
import org.gatehouse.protocol.Heartbeat;
import org.gatehouse.protocol.RelayEndpoint;

/**
 * The throughput benchmark: the same PostgreSQL table (a) read directly over JDBC and (b) refreshed through the
 * gateway, its embedded relay and the client SDK, with every value decoded and consumed on both sides. Prints both
 * rates, their ratio and the gateway's peak heap. bench/run-throughput.sh builds what is needed and runs this.
 * <p>
 * Order: the gateway is started and made ready first (so its boot does not run beside a timed read), then one
 * warm-up read of each side, then the sides alternate, so slow drift of the machine touches both alike.
 * Exit status: 0 measured, 1 failed or the sides read different values, 2 bad settings.
 */
public final class ThroughputBenchmark {

    private final BenchSettings settings;
    private final PrintStream out;

    ThroughputBenchmark(BenchSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) {
        BenchSettings settings;
        try {
            settings = BenchSettings.from(System.getProperties(), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("benchmark settings: " + e.getMessage());
            System.exit(2);
            return;
        }
        int status;
        try {
            status = new ThroughputBenchmark(settings, System.out).run() ? 0 : 1;
        } catch (Exception e) {
            System.err.println();
            System.err.println("BENCHMARK FAILED: " + e);
            e.printStackTrace();
            System.err.println("the gateway's log, if it got that far: "
                    + settings.home().resolve("data/log/karaf.log"));
            status = 1;
        }
        // Qpid JMS and jstat reader threads must not keep the JVM alive after a failure
        System.exit(status);
    }

    /** @return whether both sides read the same values */
    boolean run() throws Exception {
        step("PostgreSQL " + settings.pg());
        step(SalesTable.ensure(settings.pg()));

        GatewayDistribution distribution = new GatewayDistribution(settings.distribution(), settings.home());
        GatewayProcess gateway = new GatewayProcess(settings.home(), settings.gatewayJavaOptions());
        gateway.stopLeftover();
        step("unpacking " + settings.distribution().getFileName() + " into " + settings.home());
        distribution.unpack();
        RelayEndpoint relay = distribution.configure(settings.pg());

        // Ctrl-C or a kill of the benchmark must not leave a gateway running; the finally block covers the rest
        Thread stopOnExit = new Thread(gateway::stop, "stop-gateway");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            step("starting the gateway (" + (settings.gatewayHeap().isEmpty() ? "JVM default heap"
                    : "-Xmx" + settings.gatewayHeap()) + ", relay " + relay + ")");
            gateway.start();
            return measure(distribution, gateway, relay);
        } finally {
            step("stopping the gateway");
            gateway.stop();
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs, and finds the gateway stopped
            }
        }
    }

    private boolean measure(GatewayDistribution distribution, GatewayProcess gateway, RelayEndpoint relay)
            throws Exception {
        GatewayReadiness readiness = new GatewayReadiness(gateway, distribution, settings.startupTimeout());
        try (HeapSampler heap = HeapSampler.start(gateway.pid());
             GatehouseClient client = readiness.connect(relay)) {
            Heartbeat heartbeat = readiness.awaitSqlConnector(client);
            step("gateway " + heartbeat.gatewayId() + " " + heartbeat.version() + " online, connectors "
                    + heartbeat.connectors() + ", pid " + gateway.pid());
            long maxHeap = JvmTools.maxHeapBytes(gateway.pid());

            DirectJdbcRead direct = new DirectJdbcRead(settings.pg());
            GatewayRefresh refresh = new GatewayRefresh(client, heap);
            CpuClock cpu = new CpuClock(gateway.pid());
            Report report = new Report(out);
            report.header();
            report.warmUp("a", checked("the direct warm-up read", cpu, direct::run));
            report.warmUp("b", checked("the warm-up refresh", cpu, () -> readiness.firstRefresh(refresh)));
            for (int round = 1; round <= settings.rounds(); round++) {
                report.direct(round, checked("direct read a" + round, cpu, direct::run));
                report.gateway(round, checked("refresh b" + round, cpu, refresh::run));
            }
            if (heap.unexpectedOutput().length() > 0) {
                step("jstat said: " + heap.unexpectedOutput());
            }
            return report.summarise(maxHeap, settings.gatewayHeap().isEmpty());
        }
    }

    /**
     * Runs one read, adding the CPU time it cost. A read that did not see every row measured something else: stop
     * rather than report it.
     */
    private static Measurement checked(String what, CpuClock cpu, Read read) throws Exception {
        CpuClock.Snapshot before = cpu.now();
        Measurement measurement = read.run();
        measurement = measurement.withCpu(cpu.settled().since(before));
        if (measurement.rows() != SalesTable.ROWS) {
            throw new IllegalStateException(what + " returned " + measurement.rows() + " rows instead of "
                    + SalesTable.ROWS);
        }
        return measurement;
    }

    @FunctionalInterface
    private interface Read {
        Measurement run() throws Exception;
    }

    private void step(String message) {
        out.println("== " + message);
        out.flush();
    }
}
