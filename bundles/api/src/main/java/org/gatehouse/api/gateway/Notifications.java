package org.gatehouse.api.gateway;

import java.util.Set;

/**
 * Failure notifications: when a refresh fails, an email to the configured recipients and a {@link RefreshFailure}
 * event to every {@link RefreshFailureListener} (the relay publishes it). On by default for every dataset, those
 * defined later included; the owner opts single datasets out. Cancelled refreshes are not failures and announce
 * nothing. Settings persist in the gateway store. Refused operations throw IllegalArgumentException with a one-line
 * reason fit for the shell.
 */
public interface Notifications {

    NotificationSettings settings();

    /** Replaces the settings; refused when a host, port or address is not valid. */
    void configure(NotificationSettings settings);

    /**
     * Keeps the SMTP user's password in the credential vault (null or empty removes it); mail is then sent
     * authenticated as {@link NotificationSettings#smtpUser()}. Refused when no SMTP user is set.
     */
    void setSmtpPassword(char[] password);

    /** Whether the vault holds an SMTP password. */
    boolean smtpPasswordSet();

    /** Whether the dataset's failures are announced (true unless it was opted out). */
    boolean enabled(String dataset);

    /** Turns the dataset's notifications on or off; refused for a dataset that is not defined. */
    void setEnabled(String dataset, boolean enabled);

    /** The datasets opted out. */
    Set<String> optedOut();

    NotificationCounts counts();

    /**
     * Announces, like a failure and unless the dataset was opted out, that its schedule was turned off after
     * repeated failures. Returns at once; the announcement happens on the notifier's thread.
     */
    void announceScheduleDisabled(ScheduleDisabled disabled);

    /**
     * Sends a test email to the recipients now and waits for the SMTP server's answer; refused when email is not
     * configured or the server does not take it (the reason says why, without secrets).
     */
    void sendTestEmail();
}
