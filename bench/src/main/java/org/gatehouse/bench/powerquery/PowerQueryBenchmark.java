package org.gatehouse.bench.powerquery;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The M engine against a hand-written Java loop on the same 1,000,000-row CSV: PromoteHeaders, TransformColumnTypes,
 * SelectRows (amount > 500), AddColumn (amount x quantity), Group by region. One warm-up of each, then the two
 * alternately BENCH_ROUNDS times; prints each run, the medians and the ratio engine/loop. Exits 1 if the two
 * results differ. See bench/README.md ("Power Query engine").
 */
public final class PowerQueryBenchmark {

    private PowerQueryBenchmark() {
    }

    /** Elapsed seconds, CPU seconds of the whole JVM (GC and JIT threads included), peak heap. */
    private record Run(double seconds, double cpuSeconds, long peakHeapMB, GroupTotals result) { }

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(System.getenv().getOrDefault("BENCH_ROWS", "1000000"));
        int rounds = Integer.parseInt(System.getenv().getOrDefault("BENCH_ROUNDS", "5"));
        Path csv = SalesCsv.ensure(Path.of(System.getProperty("bench.home", "target/powerquery-bench"), "sales.csv"),
                rows);
        System.out.printf("input: %s, %,d rows, %.1f MB%n", csv, rows, java.nio.file.Files.size(csv) / 1048576.0);

        Callable<GroupTotals> engine = () -> MPipeline.run(csv);
        Callable<GroupTotals> loop = () -> HandWrittenPipeline.run(csv);
        Run warmEngine = measure(engine);
        Run warmLoop = measure(loop);
        System.out.printf("warm-up        : engine %.2f s, loop %.2f s%n", warmEngine.seconds(), warmLoop.seconds());
        if (!warmEngine.result().sameAs(warmLoop.result())) {
            System.out.println("RESULTS DIFFER:\n engine " + warmEngine.result() + "\n loop   " + warmLoop.result());
            System.exit(1);
        }
        List<Run> engineRuns = new ArrayList<>();
        List<Run> loopRuns = new ArrayList<>();
        for (int i = 1; i <= rounds; i++) {
            Run e = measure(engine);
            Run l = measure(loop);
            engineRuns.add(e);
            loopRuns.add(l);
            System.out.printf("round %d        : engine %.2f s (cpu %.2f s, peak heap %d MB), loop %.2f s (cpu %.2f s,"
                    + " peak heap %d MB)%n", i, e.seconds(), e.cpuSeconds(), e.peakHeapMB(), l.seconds(), l.cpuSeconds(),
                    l.peakHeapMB());
            if (!e.result().sameAs(l.result())) {
                System.out.println("RESULTS DIFFER in round " + i);
                System.exit(1);
            }
        }
        double e = median(engineRuns, Run::seconds);
        double l = median(loopRuns, Run::seconds);
        double ec = median(engineRuns, Run::cpuSeconds);
        double lc = median(loopRuns, Run::cpuSeconds);
        System.out.printf("M engine       : %.2f s median of %d (%,.0f rows/s), cpu %.2f s, peak heap %d MB%n", e, rounds,
                rows / e, ec, engineRuns.stream().mapToLong(Run::peakHeapMB).max().orElse(0));
        System.out.printf("Java loop      : %.2f s median of %d (%,.0f rows/s), cpu %.2f s, peak heap %d MB%n", l, rounds,
                rows / l, lc, loopRuns.stream().mapToLong(Run::peakHeapMB).max().orElse(0));
        System.out.printf("ratio engine/loop: %.2f elapsed, %.2f cpu (goal <= 2)%n", e / l, ec / lc);
        System.out.printf("result         : %d groups, %,d rows kept; identical on every run%n",
                warmLoop.result().rows().size(), warmLoop.result().totalRows());
        System.out.printf("heap limit     : %d MB%n", Runtime.getRuntime().maxMemory() >> 20);
    }

    private static Run measure(Callable<GroupTotals> side) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        GroupTotals result = side.call();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Run(seconds, cpu, peak >> 20, result);
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> measure) {
        double[] s = runs.stream().mapToDouble(measure).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
