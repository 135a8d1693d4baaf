package org.gatehouse.powerquery;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * An M query over a CSV file much larger than the heap runs to the end in a JVM with a small -Xmx: File.Contents,
 * Csv.Document, the Table.* steps and the result stream. Not timed. By default 200 MB at -Xmx64m;
 * {@code -Dgatehouse.mCsv.mb=... -Dgatehouse.mCsv.heap=...} change it.
 */
public class StreamingMemoryTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void aQueryOverAFileMuchLargerThanTheHeapRunsToTheEnd() throws Exception {
        File folder = temp.newFolder();
        String heap = System.getProperty("gatehouse.mCsv.heap", "64m");
        String size = System.getProperty("gatehouse.mCsv.mb", "200");
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process process = new ProcessBuilder(List.of(java, "-Xmx" + heap, "-XX:+UseSerialGC",
                "-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory",
                "-cp", System.getProperty("java.class.path"), BigCsvQuery.class.getName(), folder.getAbsolutePath(),
                size)).redirectErrorStream(true).start();
        String output;
        try {
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // a safety net against a hung child, not a timing assertion
            assertTrue("the query did not finish", process.waitFor(30, TimeUnit.MINUTES));
        } finally {
            process.destroyForcibly();
        }
        System.out.println("BigCsvQuery " + size + " MB at -Xmx" + heap + ": " + output.trim());
        assertEquals(output, 0, process.exitValue());
        assertTrue(output, output.contains("rows="));
    }
}
