package org.gatehouse.core.impl.notify;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;

import org.gatehouse.api.gateway.NotificationSettings;
import org.gatehouse.api.gateway.SmtpSecurity;
import org.junit.Test;

public class NotificationRulesTest {

    private static NotificationSettings settings(String host, int port, String from, List<String> to, String user) {
        return new NotificationSettings(host, port, from, to, SmtpSecurity.NONE, user);
    }

    @Test
    public void sensibleSettingsAndNoSettingsAreAccepted() {
        NotificationRules.check(NotificationSettings.NONE);
        NotificationRules.check(settings("smtp.example.test", 587, "gateway@example.test",
                List.of("owner@example.test", "ops.team+gw@example.test"), "gateway"));
        NotificationRules.check(settings("127.0.0.1", 2525, null, List.of(), null));
        NotificationRules.check(settings("[::1]", 25, "a@b", List.of("c@d"), null));
    }

    @Test
    public void badValuesAreRefusedWithAOneLineReason() {
        refused(settings("smtp host", 25, null, List.of(), null), "not an SMTP host");
        refused(settings("", 25, null, List.of(), null), "not an SMTP host");
        refused(settings("h", 0, null, List.of(), null), "between 1 and 65535");
        refused(settings("h", 70000, null, List.of(), null), "between 1 and 65535");
        refused(settings("h", 25, "gateway", List.of(), null), "not a valid sender");
        refused(settings("h", 25, "a@b", List.of("owner@example.test\r\nBcc: x@evil.test"), null),
                "not a valid recipient");
        refused(settings("h", 25, "a@b", List.of("a@b,c@d"), null), "not a valid recipient");
        refused(settings("h", 25, "a@b", List.of("Owner <a@b>"), null), "not a valid recipient");
        refused(settings("h", 25, "a@b", List.of("x".repeat(320) + "@example.test"), null), "not a valid");
        refused(settings("h", 25, "a@b", List.of(), "user name"), "not an SMTP user");
    }

    private static void refused(NotificationSettings settings, String expected) {
        try {
            NotificationRules.check(settings);
            fail("accepted " + settings);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(expected));
            assertTrue(e.getMessage(), !e.getMessage().contains("\n") && !e.getMessage().contains("\r"));
        }
    }
}
