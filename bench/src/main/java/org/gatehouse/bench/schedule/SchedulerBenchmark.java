package org.gatehouse.bench.schedule;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.gatehouse.api.gateway.GatewayDefinitions;
import org.gatehouse.api.schedule.MisfirePolicy;
import org.gatehouse.api.schedule.Schedules;
import org.gatehouse.api.schedule.Timing;
import org.gatehouse.core.impl.schedule.ScheduleService;
import org.gatehouse.core.impl.store.GatewayStore;
import org.gatehouse.core.impl.store.StoreSettings;
import org.gatehouse.scheduler.impl.SchedulerConfig;
import org.gatehouse.scheduler.impl.ScheduledRefreshes;

/**
 * Many schedules on the real scheduler (Camel quartz routes, Quartz's JDBC job store) over a real embedded gateway
 * store: registers them, then measures how late their slots fire. See bench/README.md ("Scheduler").
 * <p>
 * Settings (environment): BENCH_SCHEDULES (10000), BENCH_SECONDS measured after a 20 s warm-up (120),
 * BENCH_PATTERN {@code spread} (every schedule fires once a minute, at second i % 60: about n/60 slots a second) or
 * {@code burst} (all of them at second 0 of every minute).
 */
public final class SchedulerBenchmark {

    private static final int WARM_UP_SECONDS = Integer.parseInt(env("BENCH_WARMUP_SECONDS", "90"));

    private SchedulerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(env("BENCH_SCHEDULES", "10000"));
        int seconds = Integer.parseInt(env("BENCH_SECONDS", "120"));
        String pattern = env("BENCH_PATTERN", "spread");
        if (!pattern.equals("spread") && !pattern.equals("burst")) {
            System.err.println("BENCH_PATTERN is spread or burst");
            System.exit(2);
        }
        Path home = Path.of(System.getProperty("bench.home", "target/scheduler-bench"));
        deleteTree(home);
        Files.createDirectories(home);

        GatewayStore store = GatewayStore.open(new org.h2.Driver(), new StoreSettings("jdbc:h2:" + home.toAbsolutePath()
                + "/store", "", "", 30, 1000), Clock.systemUTC());
        LagRecorder lag = new LagRecorder(pattern.equals("burst"));
        GatewayDefinitions definitions = BenchGateway.definitions();
        Schedules schedules = new ScheduleService(store.schedules(), definitions, store.recorder());
        long heapBefore = usedHeapAfterGc();

        // a gateway that has them already and starts: the schedules are in the store, the scheduler builds them all
        for (int i = 0; i < count; i++) {
            String second = pattern.equals("spread") ? String.valueOf(i % 60) : "0";
            schedules.set(BenchGateway.DATASET_PREFIX + i, new Timing.Cron(second + " * * * * ?", ZoneOffset.UTC),
                    MisfirePolicy.SKIP);
        }
        long starting = System.nanoTime();
        ScheduledRefreshes scheduler = new ScheduledRefreshes(schedules, BenchGateway.refreshes(lag::refreshStarted),
                definitions, BenchGateway.discardingDelivery(), store.dataSource(), config());
        double startSeconds = (System.nanoTime() - starting) / 1e9;
        long heapRegistered = usedHeapAfterGc();
        System.out.printf("scheduler started with %,d schedules (%s) in %.1f s: a Camel route and a Quartz trigger in "
                + "the JDBC job store each%n", count, pattern, startSeconds);
        // and the owner changes one of them while all the others are there
        long changing = System.nanoTime();
        schedules.set(BenchGateway.DATASET_PREFIX + 0, new Timing.Cron("30 * * * * ?", ZoneOffset.UTC),
                MisfirePolicy.SKIP);
        System.out.printf("one schedule changed beside them in %,d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - changing));

        Thread.sleep(WARM_UP_SECONDS * 1000L);
        Instant from = Instant.now();
        lag.record(true);
        Thread.sleep(seconds * 1000L);
        lag.record(false);
        Instant to = Instant.now();
        long heapAfterRun = usedHeapAfterGc();
        long missed = store.history().recent(null, false, 100_000).stream()
                .filter(e -> e.status() == org.gatehouse.api.gateway.RefreshStatus.MISSED).count();
        scheduler.deactivate();
        store.close();

        long expected = pattern.equals("spread") ? Math.round(count * (to.toEpochMilli() - from.toEpochMilli())
                / 60_000.0) : (long) count * minutesStartedBetween(from, to);
        LagRecorder.Samples started = lag.started();
        System.out.printf("measured %d s: %,d scheduled refreshes started (about %,d slots due), %d MISSED entries "
                + "in the history (slots that passed while the scheduler was starting)%n", seconds, started.count(),
                expected, missed);
        System.out.printf("firing lag (slot -> refresh started): p50 %,d ms  p99 %,d ms  max %,d ms; %d started "
                + "before their slot%n", started.percentile(50), started.percentile(99), started.max(), lag.early());
        System.out.printf("heap in use after GC: %,d MB with the store open, %,d MB with %,d schedules registered "
                + "(%.1f KB a schedule), %,d MB after the run%n", mb(heapBefore), mb(heapRegistered), count,
                (heapRegistered - heapBefore) / 1024.0 / count, mb(heapAfterRun));
        System.out.println(started.percentile(99) <= 1000 ? "goal met: p99 firing lag <= 1 s"
                : "goal NOT met: p99 firing lag > 1 s");
    }

    private static long minutesStartedBetween(Instant from, Instant to) {
        return to.getEpochSecond() / 60 - from.getEpochSecond() / 60;
    }

    private static SchedulerConfig config() {
        return new SchedulerConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return SchedulerConfig.class;
            }

            @Override
            public int maxConcurrentRefreshes() {
                return 4;
            }

            @Override
            public int disableAfterFailures() {
                return 4;
            }

            @Override
            public boolean clustered() {
                return false;
            }
        };
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
