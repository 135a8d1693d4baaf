package org.gatehouse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.gatehouse.protocol.RelayEndpoint;

/**
 * The benchmark's own copy of the distribution, unpacked fresh each run so no state (broker journal, history,
 * configuration changed by hand) carries over between runs. It differs from what ships only in: free ports for
 * every listener, a 1 s heartbeat (so the benchmark need not wait 15 s to see the gateway online), its own gateway
 * id, and one data source and one dataset for the benchmark table.
 */
final class GatewayDistribution {

    static final String GATEWAY_ID = "bench";
    static final String DATASET = "bench-sales-1m";
    static final String DATA_SOURCE = "bench-pg";
    private static final String QUERY = "sales";

    private final Path tarball;
    private final Path home;

    GatewayDistribution(Path tarball, Path home) {
        this.tarball = tarball;
        this.home = home;
    }

    Path home() {
        return home;
    }

    Path log() {
        return home.resolve("data/log/karaf.log");
    }

    /** Replaces whatever an earlier run left in the home directory with the distribution as built. */
    void unpack() throws IOException, InterruptedException {
        if (!Files.isRegularFile(tarball)) {
            throw new IOException("no distribution at " + tarball + " (run-throughput.sh builds it)");
        }
        deleteHome();
        Files.createDirectories(home);
        Process tar = new ProcessBuilder("tar", "xzf", tarball.toString(), "-C", home.toString(),
                "--strip-components=1").inheritIO().start();
        if (tar.waitFor() != 0 || !Files.isExecutable(home.resolve("bin/start"))) {
            throw new IOException("unpacking " + tarball + " into " + home + " failed");
        }
    }

    /**
     * Points every listener at a free loopback port and adds the benchmark's data source and dataset.
     *
     * @return where the gateway's embedded relay will listen
     */
    RelayEndpoint configure(PgSettings pg) throws IOException {
        List<Integer> ports = FreePorts.pick(4);
        int relayPort = ports.get(0);
        Path etc = home.resolve("etc");
        new CfgFile(etc.resolve("org.gatehouse.relay.embedded.cfg")).set("port", Integer.toString(relayPort));
        CfgFile link = new CfgFile(etc.resolve("org.gatehouse.relay.cfg"));
        String relayUrl = "amqp://127.0.0.1:" + relayPort;
        link.set("url", relayUrl);
        link.set("gatewayId", GATEWAY_ID);
        link.set("heartbeatSeconds", "1");
        new CfgFile(etc.resolve("org.apache.karaf.shell.cfg")).set("sshPort", Integer.toString(ports.get(1)));
        CfgFile management = new CfgFile(etc.resolve("org.apache.karaf.management.cfg"));
        management.set("rmiRegistryPort", Integer.toString(ports.get(2)));
        management.set("rmiServerPort", Integer.toString(ports.get(3)));
        writeDataSource(etc, pg);
        writeDataset(etc);
        return RelayEndpoint.parse(relayUrl, null, null);
    }

    private static void writeDataSource(Path etc, PgSettings pg) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("id", DATA_SOURCE);
        settings.put("kind", "sql");
        settings.put("url", pg.url());
        settings.put("auth", "basic");
        settings.put("user", pg.user());
        settings.put("password", pg.password());
        settings.put("fetchSize", Integer.toString(DirectJdbcRead.FETCH_SIZE));
        CfgFile.create(etc.resolve("org.gatehouse.datasource-" + DATA_SOURCE + ".cfg"),
                "Written by the throughput benchmark: the PostgreSQL it reads directly too, same fetch size.",
                settings);
    }

    private static void writeDataset(Path etc) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("name", DATASET);
        settings.put("queries", QUERY);
        settings.put("query." + QUERY + ".datasource", DATA_SOURCE);
        settings.put("query." + QUERY + ".text", SalesTable.SELECT_ALL);
        CfgFile.create(etc.resolve("org.gatehouse.dataset-" + DATASET + ".cfg"),
                "Written by the throughput benchmark: the same query its direct read runs.", settings);
    }

    /**
     * Deletes the home directory, but only if it looks like a Karaf installation (or is empty): a mistyped
     * {@code bench.home} must not wipe anything else.
     */
    private void deleteHome() throws IOException {
        if (!Files.exists(home)) {
            return;
        }
        boolean karaf = Files.exists(home.resolve("bin/karaf")) && Files.isDirectory(home.resolve("etc"));
        boolean empty;
        try (Stream<Path> entries = Files.list(home)) {
            empty = entries.findAny().isEmpty();
        }
        if (!karaf && !empty) {
            throw new IOException(home + " exists and is not a Karaf installation; refusing to delete it");
        }
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
