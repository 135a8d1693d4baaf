package org.gatehouse.core.impl.notify;

import java.util.regex.Pattern;

import org.gatehouse.api.gateway.NotificationSettings;
import org.gatehouse.core.impl.store.NotificationStore;

/**
 * What notification settings the gateway accepts. Addresses are checked strictly enough that nothing an owner types
 * can add a header or a recipient to a mail (no whitespace, line breaks, commas, angle brackets or quotes).
 */
final class NotificationRules {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:\\-\\[\\]]+");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@,;<>()\\[\\]\"\\\\]+@[A-Za-z0-9.\\-]+");
    private static final Pattern USER = Pattern.compile("[^\\s,;<>()\"\\\\]+");

    private NotificationRules() {
    }

    /** Refuses, with a one-line reason, settings the gateway cannot store or use. */
    static void check(NotificationSettings settings) {
        if (settings.smtpHost() != null) {
            if (settings.smtpHost().isEmpty() || settings.smtpHost().length() > NotificationStore.MAX_HOST
                    || !HOST.matcher(settings.smtpHost()).matches()) {
                throw new IllegalArgumentException("'" + printable(settings.smtpHost())
                        + "' is not an SMTP host name or address");
            }
        }
        if (settings.smtpPort() < 1 || settings.smtpPort() > 65535) {
            throw new IllegalArgumentException("the SMTP port must be between 1 and 65535, not "
                    + settings.smtpPort());
        }
        if (settings.from() != null) {
            checkAddress("sender", settings.from());
        }
        for (String recipient : settings.recipients()) {
            checkAddress("recipient", recipient);
        }
        if (String.join(",", settings.recipients()).length() > NotificationStore.MAX_RECIPIENTS) {
            throw new IllegalArgumentException("the recipients take more than " + NotificationStore.MAX_RECIPIENTS
                    + " characters; use a mailing list address");
        }
        if (settings.smtpUser() != null && (settings.smtpUser().isEmpty()
                || settings.smtpUser().length() > NotificationStore.MAX_ADDRESS
                || !USER.matcher(settings.smtpUser()).matches())) {
            throw new IllegalArgumentException("'" + printable(settings.smtpUser()) + "' is not an SMTP user name");
        }
    }

    private static void checkAddress(String role, String address) {
        if (address.length() > NotificationStore.MAX_ADDRESS || !ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException("'" + printable(address) + "' is not a valid " + role
                    + " email address (expected name@domain)");
        }
    }

    /** Keeps a refusal on one line whatever was typed. */
    private static String printable(String value) {
        String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
