package org.gatehouse.shell.impl;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.gatehouse.api.gateway.NotificationSettings;
import org.gatehouse.api.gateway.Notifications;

@Command(scope = "gateway", name = "notifications-set", description = "Sets where failure emails go, turns a "
        + "dataset's failure notifications (email and relay event) on or off, or sends a test email. Options left "
        + "out keep their value. There is no SMTP password yet: the gateway sends without authenticating until the "
        + "credential vault holds one.")
@Service
public class NotificationsSetCommand extends GatewayAction {

    @Option(name = "--smtp-host", description = "the SMTP server's host name or address")
    private String smtpHost;

    @Option(name = "--smtp-port", description = "its port (default 25, 587 with starttls, 465 with ssl)")
    private Integer smtpPort;

    @Option(name = "--security", description = "none, starttls (required before sending) or ssl")
    @Completion(value = StringsCompleter.class, values = {"none", "starttls", "ssl"})
    private String security;

    @Option(name = "--from", description = "the sender address")
    private String from;

    @Option(name = "--to", description = "the recipients, comma-separated; replaces the current ones")
    private String to;

    @Option(name = "--smtp-user", description = "the SMTP user to authenticate as (with --smtp-password)")
    private String smtpUser;

    @Option(name = "--smtp-password", description = "ask for the SMTP user's password (without echo) and keep it "
            + "encrypted in the credential vault; an empty answer removes it")
    private boolean smtpPassword;

    @Option(name = "--smtp-password-file", description = "for scripts: read the SMTP password from this file's first "
            + "line on the gateway machine")
    private String smtpPasswordFile;

    @Reference
    private Session session;

    @Option(name = "--no-email", description = "clear server, sender and recipients: failures are relay events only")
    private boolean noEmail;

    @Option(name = "--dataset", description = "the dataset --on or --off applies to")
    @Completion(DatasetNameCompleter.class)
    private String dataset;

    @Option(name = "--on", description = "announce the dataset's failed refreshes (the default for every dataset)")
    private boolean on;

    @Option(name = "--off", description = "announce nothing for the dataset: no email, no relay event")
    private boolean off;

    @Option(name = "--test", description = "send a test email to the recipients and wait for the server's answer")
    private boolean test;

    @Reference(optional = true)
    private Notifications notifications;

    private char[] promptedPassword() throws IOException {
        return SecretInput.prompt(session, "SMTP password", "SMTP password (empty to remove it): ").toCharArray();
    }

    @Override
    protected void run() throws IOException {
        requireStoreOpen(notifications, "failure notification");
        if (on && off) {
            throw new IllegalArgumentException("--on and --off exclude each other");
        }
        if ((on || off) != (dataset != null)) {
            throw new IllegalArgumentException(dataset == null ? "--on and --off need --dataset NAME"
                    : "--dataset needs --on or --off");
        }
        NotificationChanges changes = new NotificationChanges(noEmail, smtpHost, smtpPort, from, to, security,
                smtpUser);
        boolean passwordGiven = smtpPassword || smtpPasswordFile != null;
        if (!changes.any() && dataset == null && !test && !passwordGiven) {
            throw new IllegalArgumentException("nothing to set: give email options, --dataset NAME --on|--off, or "
                    + "--test (gateway:notifications-show shows the settings)");
        }
        if (changes.any()) {
            NotificationSettings settings = changes.applyTo(notifications.settings());
            notifications.configure(settings);
            System.out.println(settings.emailConfigured()
                    ? "failure emails go to " + String.join(", ", settings.recipients()) + " through "
                            + settings.smtpHost() + ":" + settings.smtpPort()
                    : "failure emails are not configured: failures are announced as relay events only");
        }
        if (passwordGiven) {
            char[] password = smtpPasswordFile != null
                    ? SecretInput.fromFile(Path.of(smtpPasswordFile), "SMTP password").toCharArray()
                    : promptedPassword();
            notifications.setSmtpPassword(password);
            System.out.println(password.length == 0 ? "SMTP password removed: mail is sent without authenticating"
                    : "SMTP password kept encrypted in the credential vault");
        }
        if (dataset != null) {
            notifications.setEnabled(dataset, on);
            System.out.println("failure notifications for dataset " + dataset + " are " + (on ? "on" : "off"));
        }
        if (test) {
            notifications.sendTestEmail();
            System.out.println("test email sent to " + String.join(", ", notifications.settings().recipients()));
        }
    }
}
