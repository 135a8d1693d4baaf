package org.gatehouse.relay.embedded.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.Map;
import org.junit.Test;

public class SystemPropertyPlaceholdersTest {

    @Test
    public void replacesKnownProperties() {
        assertEquals("/opt/gatehouse/data/relay",
                SystemPropertyPlaceholders.resolve("${karaf.data}/relay", Map.of("karaf.data", "/opt/gatehouse/data")::get));
    }

    @Test
    public void leavesPlainPathsAlone() {
        assertEquals("/var/lib/relay", SystemPropertyPlaceholders.resolve("/var/lib/relay", name -> null));
    }

    @Test
    public void failsOnAnUnsetProperty() {
        assertThrows(IllegalStateException.class,
                () -> SystemPropertyPlaceholders.resolve("${karaf.data}/relay", name -> null));
    }
}
