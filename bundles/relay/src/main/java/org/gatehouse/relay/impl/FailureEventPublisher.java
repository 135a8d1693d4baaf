package org.gatehouse.relay.impl;

import org.apache.camel.ProducerTemplate;
import org.gatehouse.api.gateway.RefreshFailure;
import org.gatehouse.api.gateway.RefreshFailureListener;
import org.gatehouse.api.gateway.ScheduleDisabled;

/** Hands the core's failed refreshes and disabled schedules to the {@code relay-failure-events} route (on the notifier's thread). */
final class FailureEventPublisher implements RefreshFailureListener {

    private final ProducerTemplate producer;
    private final String gatewayId;

    FailureEventPublisher(ProducerTemplate producer, String gatewayId) {
        this.producer = producer;
        this.gatewayId = gatewayId;
    }

    @Override
    public void refreshFailed(RefreshFailure failure) {
        producer.sendBodyAndHeaders(FailureEventRoutes.FAILURE_EVENTS, FailureEvent.json(failure, gatewayId),
                FailureEvent.properties(FailureEvent.TYPE, failure.dataset(), gatewayId));
    }

    @Override
    public void scheduleDisabled(ScheduleDisabled disabled) {
        producer.sendBodyAndHeaders(FailureEventRoutes.FAILURE_EVENTS, FailureEvent.json(disabled, gatewayId),
                FailureEvent.properties(FailureEvent.SCHEDULE_DISABLED, disabled.dataset(), gatewayId));
    }
}
