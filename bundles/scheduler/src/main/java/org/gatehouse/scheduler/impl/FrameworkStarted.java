package org.gatehouse.scheduler.impl;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs something once the framework has started every bundle it is going to start at its current start level. When
 * the gateway restarts, the scheduler's bundle may start before, say, the JDBC driver a data source needs: a slot
 * caught up at that moment would fail for nothing. (Karaf raises the start level in one step, so the level alone
 * says nothing: what counts is that no bundle marked to start is still waiting or starting. On a first boot Karaf
 * installs the features after that; the scheduler's reference to Karaf's BootFinished covers that case.) A bundle
 * that cannot start would keep the scheduler waiting forever: after {@value #PATIENCE_SECONDS} s it starts anyway,
 * naming the bundles it did not wait for.
 */
final class FrameworkStarted {

    static final long PATIENCE_SECONDS = 60;
    private static final Logger LOG = LoggerFactory.getLogger(FrameworkStarted.class);

    private FrameworkStarted() {
    }

    /** @return stops waiting, when the action has not run yet */
    static AutoCloseable then(BundleContext context, Runnable action) {
        AtomicBoolean ran = new AtomicBoolean();
        ScheduledExecutorService patience = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gatehouse-scheduler-start");
            thread.setDaemon(true);
            return thread;
        });
        Runnable once = () -> {
            if (ran.compareAndSet(false, true)) {
                patience.shutdown();
                action.run();
            }
        };
        Runnable whenSettled = () -> {
            if (!ran.get() && pending(context).isEmpty()) {
                // not on the thread that started the last bundle: let it finish its own work first
                patience.execute(once);
            }
        };
        BundleListener bundles = event -> {
            if (event.getType() == BundleEvent.STARTED) {
                whenSettled.run();
            }
        };
        FrameworkListener framework = event -> {
            if (event.getType() == FrameworkEvent.STARTED || event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
                whenSettled.run();
            }
        };
        context.addBundleListener(bundles);
        context.addFrameworkListener(framework);
        patience.schedule(() -> {
            List<String> waiting = pending(context);
            if (!ran.get() && !waiting.isEmpty()) {
                LOG.warn("scheduled refresh starts although these bundles have not started after {} s: {}",
                        PATIENCE_SECONDS, waiting);
            }
            once.run();
        }, PATIENCE_SECONDS, TimeUnit.SECONDS);
        whenSettled.run();
        return () -> {
            ran.set(true);
            patience.shutdownNow();
            removeQuietly(context, bundles, framework);
        };
    }

    /** Bundles marked to start at the current start level that are not active yet. */
    static List<String> pending(BundleContext context) {
        int level = context.getBundle(0).adapt(FrameworkStartLevel.class).getStartLevel();
        return Stream.of(context.getBundles())
                .filter(bundle -> bundle.getHeaders().get("Fragment-Host") == null)
                .filter(bundle -> bundle.getState() == Bundle.STARTING
                        || (bundle.getState() == Bundle.RESOLVED || bundle.getState() == Bundle.INSTALLED)
                        && startsAt(bundle, level))
                .map(Bundle::getSymbolicName).toList();
    }

    private static boolean startsAt(Bundle bundle, int level) {
        BundleStartLevel startLevel = bundle.adapt(BundleStartLevel.class);
        return startLevel != null && startLevel.isPersistentlyStarted() && startLevel.getStartLevel() <= level;
    }

    private static void removeQuietly(BundleContext context, BundleListener bundles, FrameworkListener framework) {
        try {
            context.removeBundleListener(bundles);
            context.removeFrameworkListener(framework);
        } catch (IllegalStateException stopped) {
            // the bundle is stopping: its listeners go with it
        }
    }
}
