package org.gatehouse.api.gateway;

/**
 * What the failure notifier has done since the gateway started.
 *
 * @param emailsSent       failure emails the SMTP server accepted
 * @param emailsFailed     failure emails that could not be sent (each logged, none retried)
 * @param lastEmailFailure why the latest one could not be sent, or null
 * @param eventsHandedOver failures handed to the event listeners (the relay's publisher)
 * @param dropped          failures not announced at all because too many were waiting
 */
public record NotificationCounts(long emailsSent, long emailsFailed, String lastEmailFailure, long eventsHandedOver,
                                 long dropped) {
}
