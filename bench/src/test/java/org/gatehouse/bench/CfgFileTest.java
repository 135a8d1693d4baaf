package org.gatehouse.bench;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class CfgFileTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void replacesTheActiveLineAndKeepsCommentsAndCommentedKeys() throws Exception {
        Path file = folder.newFile("org.gatehouse.relay.cfg").toPath();
        Files.write(file, List.of("# The gateway's link", "url = amqp://127.0.0.1:5672", "# user =",
                "heartbeatSeconds=15"), StandardCharsets.UTF_8);

        CfgFile cfg = new CfgFile(file);
        cfg.set("url", "amqp://127.0.0.1:40000");
        cfg.set("heartbeatSeconds", "1");
        cfg.set("user", "bench");

        assertEquals(List.of("# The gateway's link", "url = amqp://127.0.0.1:40000", "# user =",
                "heartbeatSeconds = 1", "user = bench"), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    @Test
    public void createdFilesReadBackAsWritten() throws Exception {
        Path file = folder.getRoot().toPath().resolve("org.gatehouse.datasource-bench.cfg");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("url", "jdbc:postgresql://127.0.0.1:5432/gatehouse_test?ApplicationName=a:b");
        settings.put("password", "back\\slash");

        CfgFile.create(file, "written by a test", settings);

        Properties read = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read.load(in);
        }
        assertEquals(settings.get("url"), read.getProperty("url"));
        assertEquals("back\\slash", read.getProperty("password"));
    }
}
