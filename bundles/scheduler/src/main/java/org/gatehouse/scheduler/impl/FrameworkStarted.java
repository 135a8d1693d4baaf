package org.gatehouse.scheduler.impl;

import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * Runs something once the OSGi framework has reached its beginning start level, i.e. started every bundle it starts.
 * When the gateway restarts, the scheduler's bundle may start before, say, the JDBC driver a data source needs: a
 * slot caught up at that moment would fail for nothing. Karaf first starts the framework at a low start level and
 * raises it once it holds its instance lock, so "the framework started" is not enough: its start level must have
 * reached {@code org.osgi.framework.startlevel.beginning}. (On a first boot Karaf installs the features after that;
 * the scheduler's reference to Karaf's BootFinished covers that case.)
 */
final class FrameworkStarted {

    private FrameworkStarted() {
    }

    /** @return stops waiting, when the action has not run yet */
    static AutoCloseable then(BundleContext context, Runnable action) {
        Bundle framework = context.getBundle(0);
        int beginning = beginningStartLevel(context);
        AtomicBoolean ran = new AtomicBoolean();
        Runnable whenReady = () -> {
            boolean ready = framework.getState() == Bundle.ACTIVE
                    && framework.adapt(FrameworkStartLevel.class).getStartLevel() >= beginning;
            if (ready && ran.compareAndSet(false, true)) {
                action.run();
            }
        };
        FrameworkListener listener = event -> {
            if (event.getType() == FrameworkEvent.STARTED || event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
                whenReady.run();
            }
        };
        context.addFrameworkListener(listener);
        // the framework may have got there before the listener was added
        whenReady.run();
        return () -> {
            ran.set(true);
            context.removeFrameworkListener(listener);
        };
    }

    private static int beginningStartLevel(BundleContext context) {
        String beginning = context.getProperty("org.osgi.framework.startlevel.beginning");
        try {
            return beginning == null ? 1 : Integer.parseInt(beginning.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
