package org.gatehouse.scheduler.impl;

import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;

/**
 * Runs something once the OSGi framework has started every bundle of its start levels. When the gateway restarts,
 * the scheduler's bundle may start before, say, the JDBC driver a data source needs: a slot caught up at that moment
 * would fail for nothing. (On a first boot Karaf installs the features after the framework started; the scheduler's
 * reference to Karaf's BootFinished covers that case.)
 */
final class FrameworkStarted {

    private FrameworkStarted() {
    }

    /** @return stops waiting, when the action has not run yet */
    static AutoCloseable then(BundleContext context, Runnable action) {
        Bundle framework = context.getBundle(0);
        AtomicBoolean ran = new AtomicBoolean();
        Runnable once = () -> {
            if (ran.compareAndSet(false, true)) {
                action.run();
            }
        };
        FrameworkListener listener = event -> {
            if (event.getType() == FrameworkEvent.STARTED) {
                once.run();
            }
        };
        context.addFrameworkListener(listener);
        // the framework may have finished starting before the listener was there
        if (framework.getState() == Bundle.ACTIVE) {
            once.run();
        }
        return () -> {
            ran.set(true);
            context.removeFrameworkListener(listener);
        };
    }
}
