package org.gatehouse.scheduler.impl;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gatehouse.api.gateway.Notifications;
import org.gatehouse.api.gateway.ScheduleDisabled;

/** A failure notifier that records the disabled schedules it is asked to announce (and refuses anything else). */
final class RecordingNotifications {

    final List<ScheduleDisabled> disabled = new CopyOnWriteArrayList<>();

    Notifications service() {
        return (Notifications) Proxy.newProxyInstance(Notifications.class.getClassLoader(),
                new Class<?>[] {Notifications.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "announceScheduleDisabled":
                            disabled.add((ScheduleDisabled) args[0]);
                            return null;
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        case "toString":
                            return "RecordingNotifications";
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
