package org.gatehouse.connector.file.impl;

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
 * A CSV file many times larger than the heap is read to the end in a JVM with a small -Xmx: the connector streams.
 * Not timed. By default 64 MB at -Xmx32m; {@code -Dgatehouse.bigCsv.mb=1024 -Dgatehouse.bigCsv.heap=256m} runs the
 * 1 GB case (docs/connectors.md has the figures).
 */
public class BoundedMemoryTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void aFileMuchLargerThanTheHeapIsReadToTheEnd() throws Exception {
        run(BigCsvRead.class, System.getProperty("gatehouse.bigCsv.mb", "64"),
                System.getProperty("gatehouse.bigCsv.heap", "32m"), "MB");
    }

    /** 200,000 rows x 4 cells: loaded as POI's DOM (XSSFWorkbook) the same sheet ran out of memory even at -Xmx256m. */
    @Test
    public void aSheetMuchLargerThanTheHeapIsStreamed() throws Exception {
        run(BigXlsxRead.class, System.getProperty("gatehouse.bigXlsx.rows", "200000"),
                System.getProperty("gatehouse.bigXlsx.heap", "64m"), "rows");
    }

    private void run(Class<?> main, String size, String heap, String unit) throws Exception {
        File folder = temp.newFolder();
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process process = new ProcessBuilder(List.of(java, "-Xmx" + heap, "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory",
                "-cp", System.getProperty("java.class.path"), main.getName(), folder.getAbsolutePath(), size))
                .redirectErrorStream(true).start();
        String output;
        try {
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // a safety net against a hung child, not a timing assertion
            assertTrue("the reader did not finish", process.waitFor(30, TimeUnit.MINUTES));
        } finally {
            process.destroyForcibly();
        }
        System.out.println(main.getSimpleName() + " " + size + " " + unit + " at -Xmx" + heap + ": " + output.trim());
        assertEquals(output, 0, process.exitValue());
        assertTrue(output, output.contains("rows="));
    }
}
