package org.gatehouse.shell.impl;

import java.util.Set;
import java.util.TreeSet;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gatehouse.api.gateway.DatasetInfo;
import org.gatehouse.api.gateway.GatewayDefinitions;
import org.gatehouse.api.gateway.NotificationCounts;
import org.gatehouse.api.gateway.NotificationSettings;
import org.gatehouse.api.gateway.Notifications;

@Command(scope = "gateway", name = "notifications-show", description = "Shows the failure email settings, which "
        + "datasets' failures are announced, and what has been sent since the gateway started.")
@Service
public class NotificationsShowCommand extends GatewayAction {

    @Reference(optional = true)
    private Notifications notifications;

    @Reference
    private GatewayDefinitions definitions;

    @Override
    protected void run() {
        requireStoreOpen(notifications, "failure notification");
        NotificationSettings settings = notifications.settings();
        NotificationCounts counts = notifications.counts();
        ShellTable email = new ShellTable();
        email.column("Setting");
        email.column("Value").maxSize(80).wrap();
        email.addRow().addContent("email", settings.emailConfigured() ? "configured"
                : "not configured (failures are relay events only)");
        email.addRow().addContent("smtp host", Formats.orDash(settings.smtpHost()));
        email.addRow().addContent("smtp port", settings.smtpPort());
        email.addRow().addContent("security", settings.security().name().toLowerCase(java.util.Locale.ROOT));
        email.addRow().addContent("from", Formats.orDash(settings.from()));
        email.addRow().addContent("to", settings.recipients().isEmpty() ? "-"
                : String.join(", ", settings.recipients()));
        email.addRow().addContent("smtp user", settings.smtpUser() == null ? "- (no authentication)"
                : settings.smtpUser() + (notifications.smtpPasswordSet() ? " (password in the credential vault)"
                        : " (no password set: not authenticating)"));
        email.addRow().addContent("emails sent", Formats.count(counts.emailsSent()));
        email.addRow().addContent("emails failed", Formats.count(counts.emailsFailed())
                + (counts.lastEmailFailure() == null ? "" : " (last: " + counts.lastEmailFailure() + ")"));
        email.addRow().addContent("relay events", Formats.count(counts.eventsHandedOver()));
        if (counts.dropped() > 0) {
            email.addRow().addContent("not announced", Formats.count(counts.dropped()) + " (too many waiting)");
        }
        email.print(System.out);

        System.out.println();
        Set<String> optedOut = notifications.optedOut();
        Set<String> names = new TreeSet<>();
        definitions.datasets().stream().map(DatasetInfo::name).forEach(names::add);
        ShellTable datasets = new ShellTable().emptyTableText("no dataset defined");
        datasets.column("Dataset");
        datasets.column("Notifications");
        for (String name : names) {
            datasets.addRow().addContent(name, optedOut.contains(name) ? "off" : "on");
        }
        for (String name : optedOut) {
            if (!names.contains(name)) {
                datasets.addRow().addContent(name, "off (dataset not defined)");
            }
        }
        datasets.print(System.out);
    }
}
