package org.gatehouse.api.gateway;

import java.util.List;
import java.util.Objects;

/**
 * Where failure emails go and how they get there. Email is configured once a host, a sender and at least one
 * recipient are set; until then failures are still published as events on the relay.
 * <p>
 * There is deliberately no SMTP password here: secrets live in the gateway's credential vault, which will hold it.
 * Until then the gateway sends without authenticating, which suits the usual on-premises SMTP relay that accepts
 * mail from hosts of its own network.
 *
 * @param smtpHost   the SMTP server's host name or address, or null while email is not configured
 * @param smtpPort   its port
 * @param from       the sender address, or null while email is not configured
 * @param recipients who is told, in order; empty while email is not configured
 * @param security   plain, STARTTLS or SSL
 * @param smtpUser   the user to authenticate as once the vault holds its password, or null
 */
public record NotificationSettings(String smtpHost, int smtpPort, String from, List<String> recipients,
                                   SmtpSecurity security, String smtpUser) {

    /** Nothing configured: no email, events only. */
    public static final NotificationSettings NONE = new NotificationSettings(null, 25, null, List.of(),
            SmtpSecurity.NONE, null);

    public NotificationSettings {
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(security, "security");
    }

    /** Whether failure emails can be sent: a host, a sender and at least one recipient. */
    public boolean emailConfigured() {
        return smtpHost != null && from != null && !recipients.isEmpty();
    }
}
