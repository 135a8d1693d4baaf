package org.gatehouse.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time used by the three processes a read keeps busy: the benchmark JVM (the direct reader, or the SDK client),
 * the gateway JVM, and the local PostgreSQL server. On a two-core machine the rates alone do not say whether a side
 * is slow or starved; CPU seconds next to elapsed seconds do (three processes sharing two cores can use at most
 * two CPU seconds per second between them).
 */
final class CpuClock {

    /** Linux's USER_HZ: /proc counts CPU time in these ticks, 100 a second on every common platform. */
    private static final long TICKS_PER_SECOND = 100;
    /**
     * The backend that served a read exits when its connection closes, just as the read ends; waiting this long
     * before the closing snapshot lets its CPU time settle in the postmaster's counters (see {@link #postgres()}).
     */
    private static final long SETTLE_MILLIS = 200;

    private final long gatewayPid;

    CpuClock(long gatewayPid) {
        this.gatewayPid = gatewayPid;
    }

    Snapshot now() {
        return new Snapshot(cpuOf(ProcessHandle.current()), ProcessHandle.of(gatewayPid).map(CpuClock::cpuOf)
                .orElse(Duration.ZERO), postgres());
    }

    /** A snapshot taken once the processes of a read that just ended have gone. */
    Snapshot settled() throws InterruptedException {
        Thread.sleep(SETTLE_MILLIS);
        return now();
    }

    /**
     * The postmaster and all its backends and workers, found by the command name in /proc/PID/stat (a backend
     * retitles its command line, but not that name; and it stays readable while the exited backend is a zombie).
     * A backend's time moves, once the postmaster has reaped it, into the postmaster's "children" counters, which
     * are added too. Zero when PostgreSQL runs on another machine or this is not Linux.
     */
    private static Duration postgres() {
        long ticks;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            ticks = processes
                    .filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .map(path -> readStat(path.resolve("stat")))
                    .filter(stat -> stat.startsWith("postgres) ", stat.indexOf('(') + 1))
                    .mapToLong(CpuClock::ownAndChildrenTicks)
                    .sum();
        } catch (IOException | RuntimeException e) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
    }

    private static String readStat(Path stat) {
        try {
            return Files.readString(stat, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            // the process exited between listing and reading
            return "";
        }
    }

    /**
     * utime + stime + cutime + cstime (fields 14 to 17) of a /proc/PID/stat line. Fields are counted after the
     * command name's closing parenthesis, because the name itself may contain spaces.
     */
    static long ownAndChildrenTicks(String stat) {
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            return 0;
        }
        String[] fields = stat.substring(end + 2).split(" ");
        // fields[0] is field 3 (the state), so field n is fields[n - 3]
        long sum = 0;
        for (int field = 14; field <= 17; field++) {
            sum += Long.parseLong(fields[field - 3]);
        }
        return sum;
    }

    private static Duration cpuOf(ProcessHandle process) {
        Optional<Duration> cpu = process.info().totalCpuDuration();
        return cpu.orElse(Duration.ZERO);
    }

    /** CPU time of each process so far; the difference of two snapshots is what a read cost. */
    record Snapshot(Duration bench, Duration gateway, Duration postgres) {

        CpuTimes since(Snapshot start) {
            return new CpuTimes(bench.minus(start.bench), gateway.minus(start.gateway),
                    postgres.minus(start.postgres));
        }
    }

    /** CPU seconds spent by each process during one read. */
    record CpuTimes(Duration bench, Duration gateway, Duration postgres) {
    }
}
