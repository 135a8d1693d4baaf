package org.gatehouse.connector.sql.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import org.junit.Test;

public class SecretScrubberTest {

    private final SecretScrubber scrubber = new SecretScrubber(Arrays.asList("hunter2", "", null));

    @Test
    public void masksEverySecretAndIgnoresEmptyOnes() {
        assertEquals("bad password **** for ****", scrubber.scrub("bad password hunter2 for hunter2"));
        assertEquals("nothing to hide", scrubber.scrub("nothing to hide"));
        assertNull(scrubber.scrub(null));
    }

    @Test
    public void keepsAnExceptionThatMentionsNoSecret() {
        SQLException clean = new SQLException("table not found", "42S02", 42102, new IOException("disk"));
        assertSame(clean, scrubber.safeCause(clean));
    }

    @Test
    public void replacesAnExceptionWhoseCauseMentionsASecret() {
        SQLException leaky = new SQLException("login failed", "28000", 18456,
                new IOException("sent password hunter2"));

        Throwable safe = scrubber.safeCause(leaky);

        assertTrue(safe instanceof SQLException);
        assertEquals("login failed", safe.getMessage());
        assertEquals("28000", ((SQLException) safe).getSQLState());
        assertEquals(18456, ((SQLException) safe).getErrorCode());
        assertNull(safe.getCause());
        assertEquals(List.of(leaky.getStackTrace()), List.of(safe.getStackTrace()));
    }

    @Test
    public void scrubsTheMessageOfAnyOtherException() {
        Throwable safe = scrubber.safeCause(new IllegalStateException("url had hunter2"));

        assertEquals("java.lang.IllegalStateException: url had ****", safe.getMessage());
    }
}
