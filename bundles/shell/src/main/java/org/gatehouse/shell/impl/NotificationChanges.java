package org.gatehouse.shell.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gatehouse.api.gateway.NotificationSettings;
import org.gatehouse.api.gateway.SmtpSecurity;

/**
 * The email settings {@code gateway:notifications-set} asks for: the current ones with what its options change.
 * Options left out keep their value; {@code --no-email} clears server, sender and recipients first.
 */
record NotificationChanges(boolean noEmail, String smtpHost, Integer smtpPort, String from, String to,
                           String security, String smtpUser) {

    boolean any() {
        return noEmail || smtpHost != null || smtpPort != null || from != null || to != null || security != null
                || smtpUser != null;
    }

    NotificationSettings applyTo(NotificationSettings current) {
        NotificationSettings base = noEmail ? NotificationSettings.NONE : current;
        SmtpSecurity newSecurity = security == null ? base.security() : security(security);
        int port = smtpPort != null ? smtpPort
                : security != null && base.smtpPort() == defaultPort(base.security()) ? defaultPort(newSecurity)
                : base.smtpPort();
        return new NotificationSettings(
                smtpHost == null ? base.smtpHost() : emptyAsNull(smtpHost.strip()),
                port,
                from == null ? base.from() : emptyAsNull(from.strip()),
                to == null ? base.recipients() : recipients(to),
                newSecurity,
                smtpUser == null ? base.smtpUser() : emptyAsNull(smtpUser.strip()));
    }

    /** The usual port for a mode: when only the mode changes, a port still at the old mode's default follows it. */
    static int defaultPort(SmtpSecurity security) {
        return switch (security) {
            case NONE -> 25;
            case STARTTLS -> 587;
            case SSL -> 465;
        };
    }

    private static SmtpSecurity security(String value) {
        try {
            return SmtpSecurity.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--security must be none, starttls or ssl, not '" + value + "'");
        }
    }

    private static List<String> recipients(String value) {
        List<String> recipients = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank() && !recipients.contains(part.strip())) {
                recipients.add(part.strip());
            }
        }
        return recipients;
    }

    private static String emptyAsNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
