package org.gatehouse.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * What one benchmark run uses. The paths come from run-throughput.sh as system properties; what a user may want to
 * change comes from the environment, next to the PostgreSQL variables the tests already use.
 *
 * @param distribution     the distribution tar.gz
 * @param home             where it is unpacked, afresh each run
 * @param pg               the PostgreSQL both sides read
 * @param rounds           measured (a),(b) pairs after the warm-up; the median of each side is reported
 * @param gatewayHeap      the gateway JVM's -Xmx value, or empty for the JVM's default (a quarter of the RAM:
 *                         the distribution sets none)
 * @param startupTimeout   how long the gateway may take from bin/start to serving the dataset
 */
record BenchSettings(Path distribution, Path home, PgSettings pg, int rounds, String gatewayHeap,
                     Duration startupTimeout) {

    /**
     * A fixed default, not the JVM's: its default depends on the machine's RAM, and a peak heap under a 6 GB limit
     * cannot be compared with one under 512 MB.
     */
    static final String DEFAULT_GATEWAY_HEAP = "512m";

    BenchSettings {
        if (rounds < 1) {
            throw new IllegalArgumentException("BENCH_ROUNDS must be at least 1, was " + rounds);
        }
    }

    static BenchSettings from(Properties properties, Map<String, String> environment) {
        return new BenchSettings(
                Path.of(required(properties, "bench.distribution")).toAbsolutePath(),
                Path.of(required(properties, "bench.home")).toAbsolutePath(),
                PgSettings.fromEnvironment(environment),
                Integer.parseInt(environment.getOrDefault("BENCH_ROUNDS", "3")),
                environment.getOrDefault("BENCH_GATEWAY_HEAP", DEFAULT_GATEWAY_HEAP).trim(),
                Duration.ofSeconds(Long.parseLong(environment.getOrDefault("BENCH_STARTUP_TIMEOUT_SECONDS", "300"))));
    }

    /** Karaf's EXTRA_JAVA_OPTS for the gateway. */
    String gatewayJavaOptions() {
        return gatewayHeap.isEmpty() ? "" : "-Xmx" + gatewayHeap;
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("system property " + key + " is not set (run bench/run-throughput.sh)");
        }
        return value;
    }
}
