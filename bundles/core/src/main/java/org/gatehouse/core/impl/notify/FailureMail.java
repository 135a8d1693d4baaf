package org.gatehouse.core.impl.notify;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gatehouse.api.gateway.HistoryEntry;
import org.gatehouse.api.gateway.RefreshFailure;
import org.gatehouse.api.gateway.ScheduleDisabled;

/**
 * The texts of failure notifications. Everything in them comes from the refresh history entry, whose reason never
 * holds a secret (connectors keep secrets out of their messages); line breaks in names and messages are flattened
 * so a value can never start a line of its own or a header of the mail.
 */
final class FailureMail {

    /** History reasons are {@code CODE: message} (see RefreshEngine); the code is a FailureReason name. */
    private static final Pattern REASON = Pattern.compile("([A-Z][A-Z_]*): (.*)", Pattern.DOTALL);
    static final String UNKNOWN_GATEWAY = "(no relay link)";

    private FailureMail() {
    }

    record Mail(String subject, String body) {
    }

    /** The failure a FAILED history entry records. */
    static RefreshFailure failureOf(HistoryEntry entry) {
        String reason = entry.reason() == null ? "" : entry.reason();
        Matcher matcher = REASON.matcher(reason);
        String code = matcher.matches() ? matcher.group(1) : "FAILED";
        String message = matcher.matches() ? matcher.group(2) : reason;
        return new RefreshFailure(entry.id(), entry.dataset(), entry.trigger(), code,
                message.isEmpty() ? "no reason recorded" : message, entry.started(), entry.ended());
    }

    static Mail failure(RefreshFailure failure, String gatewayId) {
        String dataset = oneLine(failure.dataset());
        String subject = "Gatehouse: refresh of dataset " + dataset + " failed";
        StringBuilder body = new StringBuilder();
        body.append("The refresh of dataset ").append(dataset).append(" on gateway ").append(oneLine(gatewayId))
                .append(" failed.\n\n");
        line(body, "Dataset", dataset);
        line(body, "Gateway", gatewayId);
        line(body, "Trigger", failure.trigger());
        line(body, "Started", time(failure.started()));
        line(body, "Failed at", time(failure.ended()));
        line(body, "Reason", failure.reasonCode());
        line(body, "Message", failure.message());
        line(body, "History id", failure.historyId() == 0 ? "not recorded" : Long.toString(failure.historyId()));
        body.append("\nEarlier failures: gateway:history ").append(dataset).append(" --failed\n");
        body.append("No more of these emails for this dataset: gateway:notifications-set --dataset ").append(dataset)
                .append(" --off\n");
        return new Mail(subject, body.toString());
    }

    static Mail scheduleDisabled(ScheduleDisabled disabled, String gatewayId) {
        String dataset = oneLine(disabled.dataset());
        String subject = "Gatehouse: schedule of dataset " + dataset + " disabled after "
                + disabled.consecutiveFailures() + " failed refreshes";
        StringBuilder body = new StringBuilder();
        body.append("The scheduled refresh of dataset ").append(dataset).append(" on gateway ")
                .append(oneLine(gatewayId)).append(" failed ").append(disabled.consecutiveFailures())
                .append(" times in a row, so its schedule is turned off: no more scheduled refreshes run until it is "
                        + "turned back on.\n\n");
        line(body, "Dataset", dataset);
        line(body, "Gateway", gatewayId);
        line(body, "Failures", Integer.toString(disabled.consecutiveFailures()));
        line(body, "Last error", disabled.lastFailure());
        line(body, "Disabled", time(disabled.disabledAt()));
        body.append("\nThe failures: gateway:history ").append(dataset).append(" --failed\n");
        body.append("Once the cause is fixed: gateway:schedule-enable ").append(dataset).append('\n');
        return new Mail(subject, body.toString());
    }

    static Mail test(String gatewayId, Instant now) {
        String gateway = oneLine(gatewayId);
        return new Mail("Gatehouse: test email from gateway " + gateway,
                "This is a test of the failure notifications of Gatehouse gateway " + gateway + ", sent at "
                        + time(now) + ".\nWhen a dataset's refresh fails, an email like this one tells you which "
                        + "and why.\n");
    }

    private static void line(StringBuilder body, String label, String value) {
        body.append(String.format("%-11s %s%n", label + ":", oneLine(value)).replace(System.lineSeparator(), "\n"));
    }

    private static String time(Instant instant) {
        return instant == null ? "-" : instant.toString();
    }

    static String oneLine(String value) {
        return value == null ? "-" : value.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
