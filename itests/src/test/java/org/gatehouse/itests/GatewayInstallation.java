package org.gatehouse.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.gatehouse.client.ClientOptions;
import org.gatehouse.client.GatehouseClient;
import org.gatehouse.protocol.RelayEndpoint;
import org.gatehouse.protocol.ResultStreamReader;
import org.gatehouse.protocol.TableHeader;

/**
 * The built distribution unpacked into a directory of its own and run as the owner runs it: {@code bin/start},
 * {@code bin/stop}, its shell reached over Karaf's SSH port with {@code bin/client} as a Karaf user, the service side
 * over its embedded relay. Every listener is moved to a free loopback port. The gateway's JVM is recognised by the
 * {@code -Dkaraf.home=} argument naming this directory, never by a process name, so nothing else on the machine is
 * touched.
 */
final class GatewayInstallation implements AutoCloseable {

    static final String OWNER = "owner";
    private static final Duration JVM_APPEARS = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(120);

    private final Path home;
    private final String ownerPassword = "pw-" + UUID.randomUUID();
    private final int sshPort;
    private final int relayPort;
    private final int httpPort = freePort();
    private final int consolePort = freePort();
    private ProcessHandle jvm;
    private boolean consoleStarted;

    private GatewayInstallation(Path home, int sshPort, int relayPort) {
        this.home = home;
        this.sshPort = sshPort;
        this.relayPort = relayPort;
    }

    /** Unpacks the distribution into {@code home} (emptied first) and gives it free ports and a shell user. */
    static GatewayInstallation unpack(Path distribution, Path home) throws IOException, InterruptedException {
        deleteTree(home);
        Files.createDirectories(home);
        Process tar = new ProcessBuilder("tar", "xzf", distribution.toString(), "-C", home.toString(),
                "--strip-components=1").redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (tar.waitFor() != 0 || !Files.isExecutable(home.resolve("bin/start"))) {
            throw new IOException("unpacking " + distribution + " into " + home + " failed: " + output);
        }
        GatewayInstallation gateway = new GatewayInstallation(home.toAbsolutePath().normalize(), freePort(),
                freePort());
        gateway.configure();
        return gateway;
    }

    private void configure() throws IOException {
        Path etc = home.resolve("etc");
        setProperty(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort", Integer.toString(sshPort));
        setProperty(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryPort", Integer.toString(freePort()));
        setProperty(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerPort", Integer.toString(freePort()));
        setProperty(etc.resolve("org.gatehouse.relay.embedded.cfg"), "port", Integer.toString(relayPort));
        setProperty(etc.resolve("org.gatehouse.relay.cfg"), "url", "amqp://127.0.0.1:" + relayPort);
        setProperty(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", Integer.toString(httpPort));
        setProperty(etc.resolve("gatehouse-console.properties"), "port", Integer.toString(consolePort));
        // no user ships (no default passwords): the owner adds one, as the README says
        Files.writeString(etc.resolve("users.properties"), "\n" + OWNER + " = " + ownerPassword
                + ",_g_:admingroup\n", StandardCharsets.ISO_8859_1, java.nio.file.StandardOpenOption.APPEND);
    }

    Path home() {
        return home;
    }

    Path log() {
        return home.resolve("data/log/karaf.log");
    }

    String ownerPassword() {
        return ownerPassword;
    }

    /** Karaf's HTTP service, where the monitoring agent answers once gatehouse-console is installed. */
    int httpPort() {
        return httpPort;
    }

    /** Where {@code bin/gatehouse-console} serves the Hawtio console. */
    int consolePort() {
        return consolePort;
    }

    /** Runs {@code bin/gatehouse-console ACTION} as the owner would; returns its exit code and output. */
    Shell console(String action) throws IOException, InterruptedException {
        ProcessBuilder launcher = new ProcessBuilder(home.resolve("bin/gatehouse-console").toString(), action)
                .redirectErrorStream(true);
        launcher.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = launcher.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(CLIENT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("bin/gatehouse-console " + action + " did not return");
        }
        consoleStarted |= "start".equals(action);
        return new Shell("gatehouse-console " + action, process.exitValue(),
                new String(output, StandardCharsets.UTF_8));
    }

    RelayEndpoint relay() {
        return RelayEndpoint.parse("amqp://127.0.0.1:" + relayPort, null, null);
    }

    /** {@code bin/start}, with the tests' own Java; returns once the gateway's JVM runs (not once it is ready). */
    void start() throws IOException, InterruptedException {
        Path console = home.resolve("data/log/console.log");
        Files.createDirectories(console.getParent());
        ProcessBuilder start = new ProcessBuilder(home.resolve("bin/start").toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()));
        start.environment().put("JAVA_HOME", System.getProperty("java.home"));
        start.environment().put("KARAF_REDIRECT", console.toString());
        if (start.start().waitFor() != 0) {
            throw new IOException("bin/start failed, see " + console);
        }
        long deadline = System.nanoTime() + JVM_APPEARS.toNanos();
        while ((jvm = findJvm().orElse(null)) == null) {
            if (System.nanoTime() > deadline) {
                throw new IOException("no gateway JVM within " + JVM_APPEARS.toSeconds() + " s of bin/start, see "
                        + console);
            }
            Thread.sleep(200);
        }
    }

    /** {@code bin/stop}, then waits for the JVM to end; SIGKILL only if it will not. */
    void stop() throws IOException, InterruptedException {
        if (jvm == null || !jvm.isAlive()) {
            return;
        }
        Process stop = new ProcessBuilder(home.resolve("bin/stop").toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("data/log/console.log").toFile()))
                .start();
        stop.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!awaitExit(STOP_TIMEOUT)) {
            kill();
            throw new IOException("the gateway did not stop within " + STOP_TIMEOUT.toSeconds() + " s of bin/stop");
        }
    }

    /** Like a power cut: SIGKILL, no shutdown of anything. */
    void kill() {
        if (jvm != null && jvm.isAlive()) {
            jvm.destroyForcibly();
            awaitExit(STOP_TIMEOUT);
        }
    }

    private boolean awaitExit(Duration timeout) {
        try {
            jvm.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // reported by isAlive below
        }
        return !jvm.isAlive();
    }

    /** Never throws: runs on the way out of failures. */
    @Override
    public void close() {
        if (consoleStarted) {
            try {
                console("stop");
            } catch (Exception e) {
                System.err.println("stopping the console of " + home + " failed: " + e);
            }
        }
        try {
            stop();
        } catch (Exception e) {
            System.err.println("stopping the gateway in " + home + " failed (" + e + "); killing it");
            kill();
        }
        gatewayJvms().forEach(leftover -> {
            System.err.println("killing gateway JVM " + leftover.pid() + " left in " + home);
            leftover.destroyForcibly();
        });
    }

    /** Keeps karaf.log beside the failsafe reports, for whoever reads a failure. */
    void keepLog(Path reportDirectory, String name) {
        try {
            Files.createDirectories(reportDirectory);
            if (Files.exists(log())) {
                Files.copy(log(), reportDirectory.resolve(name + ".karaf.log"), StandardCopyOption.REPLACE_EXISTING);
            }
            Path console = home.resolve("data/log/console.log");
            if (Files.exists(console)) {
                Files.copy(console, reportDirectory.resolve(name + ".console.log"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("could not keep the logs of " + home + ": " + e);
        }
    }

    /** What one shell command printed, and whether {@code bin/client} reported it as failed. */
    record Shell(String command, int exitCode, String output) {

        String ok() {
            if (exitCode != 0 || output.contains("Error executing command") || output.contains("Command not found")) {
                throw new AssertionError(command + " failed (" + exitCode + "):\n" + output);
            }
            return output;
        }
    }

    /** Runs one command in the gateway's shell over SSH as the owner, as {@code bin/client} does. */
    Shell shell(String command) throws IOException, InterruptedException {
        // batch mode, the command on stdin: with the command as an argument this bin/client prints nothing
        List<String> arguments = new ArrayList<>(List.of(home.resolve("bin/client").toString(), "-h", "127.0.0.1",
                "-a", Integer.toString(sshPort), "-u", OWNER, "-p", ownerPassword, "-r", "3", "-d", "2", "-b"));
        ProcessBuilder client = new ProcessBuilder(arguments).redirectErrorStream(true);
        client.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = client.start();
        try (var stdin = process.getOutputStream()) {
            stdin.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(CLIENT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("bin/client did not return within " + CLIENT_TIMEOUT.toSeconds() + " s: "
                    + command);
        }
        return new Shell(command, process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** Waits until the shell answers {@code command} without error: the gateway's commands are there. */
    String awaitShell(String command, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Shell last = shell(command);
        while (last.exitCode() != 0 || last.output().contains("Command not found")
                || last.output().contains("Error executing command")) {
            if (System.nanoTime() > deadline || !jvm.isAlive()) {
                throw new AssertionError(command + " not answered within " + timeout.toSeconds() + " s; last:\n"
                        + last.output());
            }
            Thread.sleep(1_000);
            last = shell(command);
        }
        return last.output();
    }

    /** Waits until the shell reports the relay link up (and, if asked, the store open). */
    void awaitRelayConnected(Duration timeout, boolean storeOpens) throws InterruptedException {
        List<String> problems = Eventually.problemsAfter(timeout, () -> {
            try {
                String status = awaitShell("gateway:status", timeout);
                if (storeOpens && status.contains("store is not open")) {
                    return List.of("store not open yet:\n" + status);
                }
                return status.matches("(?s).*Connected\\s*\\S?\\s*yes.*") ? List.of()
                        : List.of("relay link not up:\n" + status);
            } catch (Exception e) {
                return List.of(e.toString());
            }
        });
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.toString());
        }
    }

    /** Refreshes a dataset as the service does, over the relay with the client SDK; returns the rows received. */
    long refreshOverRelay(String gatewayId, String dataset, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (GatehouseClient client = GatehouseClient.connect(relay(), ClientOptions.defaults()
                    .withFirstMessageTimeout(Duration.ofSeconds(30)).withIdleTimeout(Duration.ofSeconds(30)))) {
                AtomicLong rows = new AtomicLong();
                client.refreshDataset(gatewayId, dataset, new ResultStreamReader.Listener() {
                    @Override
                    public void beginTable(TableHeader table) {
                    }

                    @Override
                    public void row(Object[] values) {
                        rows.incrementAndGet();
                    }
                });
                return rows.get();
            } catch (org.gatehouse.client.RelayException | org.gatehouse.client.ResultTimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(1_000);
            }
        }
    }

    private Optional<ProcessHandle> findJvm() {
        return gatewayJvms().findFirst();
    }

    /** Karaf's main JVM for this directory; bin/client's JVM names the directory too, but runs another class. */
    private Stream<ProcessHandle> gatewayJvms() {
        String marker = "-Dkaraf.home=" + home;
        return ProcessHandle.allProcesses().filter(process -> arguments(process)
                .map(arguments -> arguments.contains(marker) && arguments.contains("org.apache.karaf.main.Main"))
                .orElse(false));
    }

    /**
     * A process's arguments. On Linux from /proc: the JDK's {@code ProcessHandle.Info.arguments()} is empty for a
     * command line longer than a page, and Karaf's, which repeats its home directory a dozen times, often is.
     */
    private static Optional<List<String>> arguments(ProcessHandle process) {
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        if (Files.isReadable(cmdline)) {
            try {
                return Optional.of(Arrays.asList(Files.readString(cmdline, StandardCharsets.UTF_8).split("\0")));
            } catch (IOException | UncheckedIOException gone) {
                return Optional.empty();
            }
        }
        return process.info().arguments().map(Arrays::asList);
    }

    /** Sets {@code key = value} in a .cfg file, replacing the key's line or adding one. */
    static void setProperty(Path cfg, String key, String value) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(cfg, StandardCharsets.ISO_8859_1));
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (!line.startsWith("#") && (line.startsWith(key + " ") || line.startsWith(key + "=")
                    || line.startsWith(key + "\t"))) {
                lines.set(i, key + " = " + value);
                replaced = true;
            }
        }
        if (!replaced) {
            lines.add(key + " = " + value);
        }
        Files.write(cfg, lines, StandardCharsets.ISO_8859_1);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
