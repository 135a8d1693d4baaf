package org.gatehouse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The gateway's JVM, started and stopped with the distribution's own {@code bin/start} and {@code bin/stop}.
 * <p>
 * The JVM is recognised by its {@code -Dkaraf.home=} argument naming this benchmark's directory, never by a
 * process name: other gateways, test containers and brokers may run on the same machine and must not be touched.
 */
final class GatewayProcess {

    private static final Duration FIND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(15);

    private final Path home;
    private final String extraJavaOptions;
    private ProcessHandle jvm;
    private boolean stopped;

    /**
     * @param home             the unpacked distribution
     * @param extraJavaOptions added to the gateway JVM's options (Karaf's {@code EXTRA_JAVA_OPTS}), e.g. its -Xmx
     */
    GatewayProcess(Path home, String extraJavaOptions) {
        this.home = home.toAbsolutePath().normalize();
        this.extraJavaOptions = extraJavaOptions;
    }

    /** Starts the gateway in the background and waits until its JVM can be seen (not until it is ready). */
    synchronized void start() throws IOException, InterruptedException {
        Path consoleLog = home.resolve("data/log/karaf-console.log");
        Files.createDirectories(consoleLog.getParent());
        ProcessBuilder start = new ProcessBuilder(home.resolve("bin/start").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()));
        Map<String, String> environment = start.environment();
        environment.put("EXTRA_JAVA_OPTS", extraJavaOptions);
        // bin/start sends the JVM's stdout to /dev/null unless told otherwise; its early errors are worth keeping
        environment.put("KARAF_REDIRECT", consoleLog.toString());
        if (start.start().waitFor() != 0) {
            throw new IOException("bin/start failed; see " + consoleLog);
        }
        long deadline = System.nanoTime() + FIND_TIMEOUT.toNanos();
        while ((jvm = findJvm().orElse(null)) == null) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the gateway's JVM did not appear within " + FIND_TIMEOUT.toSeconds()
                        + " s of bin/start; see " + consoleLog);
            }
            Thread.sleep(200);
        }
    }

    synchronized long pid() {
        if (jvm == null) {
            throw new IllegalStateException("the gateway is not running");
        }
        return jvm.pid();
    }

    synchronized boolean isAlive() {
        return jvm != null && jvm.isAlive();
    }

    /**
     * Stops a gateway an earlier, interrupted run left behind in the same directory, so the directory can be
     * replaced. Gateways elsewhere are not looked at.
     */
    synchronized void stopLeftover() {
        findJvm().ifPresent(leftover -> {
            System.out.println("== stopping a gateway an earlier run left in " + home + " (pid " + leftover.pid()
                    + ")");
            jvm = leftover;
            stopJvm();
            jvm = null;
        });
    }

    /**
     * Stops the gateway: politely with bin/stop, then with SIGTERM, then SIGKILL, each after a timeout. Safe to
     * call more than once and from the shutdown hook; never throws, because it runs on the way out of failures.
     */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (jvm == null) {
            // bin/start may have been run without the JVM being found yet
            jvm = findJvm().orElse(null);
        }
        if (jvm != null) {
            stopJvm();
        }
    }

    private void stopJvm() {
        try {
            Process stop = new ProcessBuilder(home.resolve("bin/stop").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            home.resolve("data/log/karaf-console.log").toFile()))
                    .start();
            if (!stop.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                stop.destroyForcibly();
            }
        } catch (IOException e) {
            System.err.println("bin/stop could not be run (" + e.getMessage() + "); terminating the gateway");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!exited(STOP_TIMEOUT)) {
            System.err.println("the gateway (pid " + jvm.pid() + ") did not stop; sending SIGTERM");
            jvm.destroy();
            if (!exited(KILL_TIMEOUT)) {
                System.err.println("the gateway (pid " + jvm.pid() + ") ignored SIGTERM; killing it");
                jvm.destroyForcibly();
                exited(KILL_TIMEOUT);
            }
        }
    }

    private boolean exited(Duration timeout) {
        try {
            jvm.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !jvm.isAlive();
        } catch (ExecutionException e) {
            return !jvm.isAlive();
        } catch (InterruptedException e) {
            // keep the interrupt for the caller, but still report honestly whether the JVM is gone
            Thread.currentThread().interrupt();
            return !jvm.isAlive();
        }
    }

    /** The Java process started from this directory: bin/karaf passes {@code -Dkaraf.home=<home>} to it. */
    private Optional<ProcessHandle> findJvm() {
        String marker = "-Dkaraf.home=" + home;
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().arguments()
                        .map(arguments -> Arrays.asList(arguments).contains(marker))
                        .orElse(false))
                .findFirst();
    }
}
