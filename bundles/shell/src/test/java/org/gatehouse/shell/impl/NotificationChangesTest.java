package org.gatehouse.shell.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.fail;

import java.util.List;

import org.gatehouse.api.gateway.NotificationSettings;
import org.gatehouse.api.gateway.SmtpSecurity;
import org.junit.Test;

public class NotificationChangesTest {

    private static final NotificationSettings CURRENT = new NotificationSettings("smtp.example.test", 25,
            "gw@example.test", List.of("owner@example.test"), SmtpSecurity.NONE, null);

    @Test
    public void optionsLeftOutKeepTheirValue() {
        NotificationChanges onlyTo = new NotificationChanges(false, null, null, null,
                "a@example.test, b@example.test,,a@example.test", null, null);
        assertEquals(new NotificationSettings("smtp.example.test", 25, "gw@example.test",
                List.of("a@example.test", "b@example.test"), SmtpSecurity.NONE, null), onlyTo.applyTo(CURRENT));
        assertFalse(new NotificationChanges(false, null, null, null, null, null, null).any());
    }

    @Test
    public void theSecurityModeBringsItsPortUnlessOneWasChosen() {
        assertEquals(587, new NotificationChanges(false, null, null, null, null, "StartTLS", null)
                .applyTo(CURRENT).smtpPort());
        assertEquals(2525, new NotificationChanges(false, null, 2525, null, null, "ssl", null)
                .applyTo(CURRENT).smtpPort());
        NotificationSettings onOwnPort = new NotificationSettings("h", 2525, null, List.of(), SmtpSecurity.NONE,
                null);
        assertEquals(2525, new NotificationChanges(false, null, null, null, null, "ssl", null)
                .applyTo(onOwnPort).smtpPort());
        try {
            new NotificationChanges(false, null, null, null, null, "tls1.3", null).applyTo(CURRENT);
            fail();
        } catch (IllegalArgumentException e) {
            assertEquals("--security must be none, starttls or ssl, not 'tls1.3'", e.getMessage());
        }
    }

    @Test
    public void noEmailClearsTheServerAndEmptyValuesClearOne() {
        assertEquals(NotificationSettings.NONE, new NotificationChanges(true, null, null, null, null, null, null)
                .applyTo(CURRENT));
        assertEquals(null, new NotificationChanges(false, null, null, "", null, null, null).applyTo(CURRENT).from());
    }
}
