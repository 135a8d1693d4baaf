package org.gatehouse.demo.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import org.h2.Driver;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class DemoDatabaseTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void buildsTheSalesTableOnceAndTheSameEveryTime() throws Exception {
        Path first = folder.getRoot().toPath().resolve("a/sales");
        Path second = folder.getRoot().toPath().resolve("b/sales");
        DemoDatabase.ensureExists(new Driver(), first, 2_000);
        DemoDatabase.ensureExists(new Driver(), second, 2_000);
        assertFalse("temporary file left behind", Files.exists(Path.of(first + "-building.mv.db")));

        String firstSummary = summary(first);
        assertEquals(firstSummary, summary(second));
        assertTrue(firstSummary, firstSummary.startsWith("2000|"));

        long modified = Files.getLastModifiedTime(Path.of(first + ".mv.db")).toMillis();
        DemoDatabase.ensureExists(new Driver(), first, 5);
        assertEquals("existing database must be left alone", modified,
                Files.getLastModifiedTime(Path.of(first + ".mv.db")).toMillis());
    }

    private static String summary(Path database) throws Exception {
        try (Connection c = new Driver().connect("jdbc:h2:" + database + ";IFEXISTS=TRUE", DemoDatabase.demoUser());
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT COUNT(*), SUM(amount), COUNT(shipped_at), COUNT(DISTINCT region) FROM sales")) {
            rs.next();
            return rs.getLong(1) + "|" + rs.getBigDecimal(2) + "|" + rs.getLong(3) + "|" + rs.getLong(4);
        }
    }
}
