package org.gatehouse.core.impl.jmx;

import org.gatehouse.api.gateway.RefreshHistory;
import org.gatehouse.api.gateway.RelayStatus;
import org.gatehouse.api.schedule.Schedules;

/** The services the MBeans read that come and go with the store and the relay link; null while absent. */
final class GatewayState {

    volatile RefreshHistory history;
    volatile Schedules schedules;
    volatile RelayStatus relay;
}
