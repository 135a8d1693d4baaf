package org.gatehouse.shell.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;

public class KeyValueOptionsTest {

    @Test
    public void valuesKeepEverythingAfterTheFirstEqualsSign() {
        Map<String, String> settings = KeyValueOptions.parse(List.of("url=jdbc:h2:mem:x;DB_CLOSE_DELAY=-1",
                "fetchSize = 500", "empty="));
        assertEquals(Map.of("url", "jdbc:h2:mem:x;DB_CLOSE_DELAY=-1", "fetchSize", "500", "empty", ""), settings);
        assertEquals(List.of("url", "fetchSize", "empty"), List.copyOf(settings.keySet()));
    }

    @Test
    public void noOptionsAreNoSettings() {
        assertTrue(KeyValueOptions.parse(null).isEmpty());
    }

    @Test
    public void aPairWithoutKeyIsRefusedNamingIt() {
        assertEquals("--set takes key=value, got 'jdbc:h2:mem:x'", assertThrows(IllegalArgumentException.class,
                () -> KeyValueOptions.parse(List.of("jdbc:h2:mem:x"))).getMessage());
        assertEquals("--set takes key=value, got '=x'", assertThrows(IllegalArgumentException.class,
                () -> KeyValueOptions.parse(List.of("=x"))).getMessage());
    }

    @Test
    public void aKeyGivenTwiceIsRefused() {
        assertEquals("setting 'url' is given twice", assertThrows(IllegalArgumentException.class,
                () -> KeyValueOptions.parse(List.of("url=a", "url=b"))).getMessage());
    }
}
