package org.gatehouse.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Samples the gateway JVM's heap every {@value #INTERVAL_MILLIS} ms with {@code jstat -gc}, for as long as the
 * benchmark runs. jstat reads the counters the JVM publishes in shared memory anyway, so sampling neither stops
 * the gateway (as {@code jcmd GC.heap_info} would, at a safepoint) nor needs a JMX login. One jstat runs for the
 * whole benchmark, rather than one per refresh, because starting a JVM costs a second of CPU on this small
 * machine; it then runs during both kinds of read alike.
 * <p>
 * A peak between two samples is missed, so the figure is a lower bound: it can fall short of the true peak by what
 * the gateway allocates in one interval before a collection.
 */
final class HeapSampler implements AutoCloseable {

    static final int INTERVAL_MILLIS = 100;

    private final Process jstat;
    private final List<JstatGc.Sample> samples = new ArrayList<>();
    private final StringBuilder unexpectedOutput = new StringBuilder();

    private HeapSampler(Process jstat) {
        this.jstat = jstat;
    }

    static HeapSampler start(long pid) throws IOException {
        // -J-Duser.language=en: jstat formats numbers in its default locale, and the parser wants a decimal point
        Process jstat = new ProcessBuilder(JvmTools.tool("jstat"), "-J-Duser.language=en", "-gc",
                Long.toString(pid), Integer.toString(INTERVAL_MILLIS)).redirectErrorStream(true).start();
        HeapSampler sampler = new HeapSampler(jstat);
        Thread reader = new Thread(sampler::readSamples, "jstat-" + pid);
        reader.setDaemon(true);
        reader.start();
        return sampler;
    }

    /** The peak of the samples read between two instants of {@link System#nanoTime()}. */
    HeapPeak peakBetween(long fromNanos, long toNanos) {
        long used = 0;
        long old = 0;
        int count = 0;
        synchronized (samples) {
            for (JstatGc.Sample sample : samples) {
                if (sample.nanoTime() >= fromNanos && sample.nanoTime() <= toNanos) {
                    used = Math.max(used, sample.usedBytes());
                    old = Math.max(old, sample.oldBytes());
                    count++;
                }
            }
        }
        return new HeapPeak(used, old, count);
    }

    /** The heap in use at the last sample, to show what the gateway holds while idle. */
    Optional<JstatGc.Sample> latest() {
        synchronized (samples) {
            return samples.isEmpty() ? Optional.empty() : Optional.of(samples.get(samples.size() - 1));
        }
    }

    /** What jstat printed that was not a sample: its error message when sampling failed. */
    String unexpectedOutput() {
        synchronized (unexpectedOutput) {
            return unexpectedOutput.toString().strip();
        }
    }

    private void readSamples() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
            JstatGc format = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                long now = System.nanoTime();
                Optional<JstatGc> header = JstatGc.forHeader(line);
                if (header.isPresent()) {
                    format = header.get();
                    continue;
                }
                Optional<JstatGc.Sample> sample = format == null ? Optional.empty() : format.parse(line, now);
                if (sample.isPresent()) {
                    synchronized (samples) {
                        samples.add(sample.get());
                    }
                } else {
                    synchronized (unexpectedOutput) {
                        unexpectedOutput.append(line).append('\n');
                    }
                }
            }
        } catch (IOException e) {
            // the stream closes when jstat is stopped: sampling is over
        }
    }

    @Override
    public void close() {
        jstat.destroy();
    }
}
