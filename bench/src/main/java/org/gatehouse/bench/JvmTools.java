package org.gatehouse.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JDK's own tools, run against the gateway's JVM from outside, so the gateway needs no agent or JMX user. */
final class JvmTools {

    private static final Pattern MAX_HEAP = Pattern.compile("-XX:MaxHeapSize=(\\d+)");

    private JvmTools() {
    }

    /**
     * The path of a JDK tool: from the JDK running the benchmark when it has one (a tool of the same version as
     * the JVM it attaches to is the safest), else whatever the PATH finds.
     */
    static String tool(String name) {
        Path own = Path.of(System.getProperty("java.home"), "bin", name);
        return Files.isExecutable(own) ? own.toString() : name;
    }

    /** The heap limit the JVM really runs with (-Xmx, or the JVM's default when none was given), in bytes. */
    static long maxHeapBytes(long pid) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(tool("jcmd"), Long.toString(pid), "VM.flags")
                .redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(30, TimeUnit.SECONDS)) {
            jcmd.destroyForcibly();
        }
        Matcher matcher = MAX_HEAP.matcher(output);
        if (!matcher.find()) {
            throw new IOException("jcmd " + pid + " VM.flags did not show MaxHeapSize: " + output.strip());
        }
        return Long.parseLong(matcher.group(1));
    }
}
