package org.gatehouse.core.impl;

import static org.junit.Assert.assertEquals;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class CfgFileTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void whatIsWrittenIsReadBackExactly() throws Exception {
        Map<String, String> written = new LinkedHashMap<>();
        written.put("id", "sales");
        written.put("url", "jdbc:sqlserver://db\\inst:1433;databaseName=Sales #1!");
        written.put("query.q.text", "SELECT 'a=b'\nFROM t\twhere x = 'Zoë €'");
        written.put("leading", "  two spaces");
        written.put("odd:key=name", "");
        Path file = folder.getRoot().toPath().resolve("x.cfg");

        CfgFile.write(file, "a test", written);

        Properties read = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            read.load(reader);
        }
        assertEquals(written.size(), read.size());
        written.forEach((key, value) -> assertEquals(key, value, read.getProperty(key)));
        assertEquals("nothing but the file is left behind", 1, folder.getRoot().list().length);
    }
}
