package org.gatehouse.scheduler.impl;

import javax.sql.DataSource;

import org.gatehouse.api.gateway.DatasetInfo;
import org.apache.karaf.features.BootFinished;
import org.gatehouse.api.gateway.GatewayDefinitions;
import org.gatehouse.api.gateway.Notifications;
import org.gatehouse.api.gateway.ScheduleDisabled;
import org.gatehouse.api.refresh.RefreshService;
import org.gatehouse.api.refresh.ResultDelivery;
import org.gatehouse.api.schedule.Schedules;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires the datasets' schedules while both the schedules (the gateway store is open, and offers its connections for
 * Quartz's job store) and the refresh engine are there: builds a route per enabled schedule at start and follows every change the {@link Schedules} service
 * announces, without a restart.
 */
@Component(service = {}, immediate = true, configurationPid = "org.gatehouse.scheduler",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SchedulerConfig.class)
public class ScheduledRefreshes {

    /** The service property of the gateway store's data source (core's StoreDataSource.STORE_PROPERTY). */
    static final String STORE_PROPERTY = "gatehouse.store";

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledRefreshes.class);
    /**
     * Quartz's threads only hand a due slot over to the refresh pool, so a few serve thousands of schedules; they
     * are also how many due slots are taken from the job store in one transaction.
     */
    private static final int QUARTZ_THREADS = 8;

    private final ScheduledRefreshRunner runner;
    private final ScheduleRoutes routes;
    private final AutoCloseable subscription;
    private final AutoCloseable waitForFramework;
    private volatile Notifications notifications;

    /**
     * Karaf has installed and started everything it boots (connectors, JDBC drivers): a slot caught up at start
     * would otherwise fail because the driver its data source needs registers a moment later.
     */
    @Reference
    private BootFinished bootFinished;

    /** Outside OSGi (tests, the benchmark): fires at once. */
    public ScheduledRefreshes(Schedules schedules, RefreshService refreshes, GatewayDefinitions definitions,
                              ResultDelivery delivery, DataSource store, SchedulerConfig config) throws Exception {
        this(schedules, refreshes, definitions, delivery, store, config, null);
    }

    /**
     * In the gateway: builds the routes now, and fires (accounting for missed slots first) once the framework has
     * started every bundle, so that a catch-up refresh never runs before the connector or driver it needs.
     */
    @Activate
    public ScheduledRefreshes(@Reference Schedules schedules, @Reference RefreshService refreshes,
                              @Reference GatewayDefinitions definitions, @Reference ResultDelivery delivery,
                              @Reference(target = "(" + STORE_PROPERTY + "=true)") DataSource store,
                              SchedulerConfig config, BundleContext context) throws Exception {
        if (config.maxConcurrentRefreshes() < 1 || config.disableAfterFailures() < 0) {
            throw new IllegalArgumentException("org.gatehouse.scheduler: maxConcurrentRefreshes must be 1 or more and "
                    + "disableAfterFailures 0 or more");
        }
        // the relay link offers the delivery: without a link nobody could receive a scheduled result, and a new link
        // (its configuration changed) restarts the scheduler with it
        runner = new ScheduledRefreshRunner(schedules, refreshes, delivery,
                dataset -> definitions.dataset(dataset).map(DatasetInfo::destination), this::announce,
                config.maxConcurrentRefreshes(), config.disableAfterFailures());
        ScheduleRoutes created;
        try {
            created = new ScheduleRoutes(schedules, runner, store, "gatehouse", QUARTZ_THREADS, config.clustered());
        } catch (Exception e) {
            runner.close();
            throw e;
        }
        routes = created;
        subscription = schedules.onChange(routes::sync);
        String mode = config.clustered() ? ", clustered" : "";
        if (context == null) {
            startFiring(mode);
            waitForFramework = () -> { };
        } else {
            waitForFramework = FrameworkStarted.then(context, () -> startFiring(mode));
        }
    }

    private void startFiring(String mode) {
        try {
            routes.start();
            LOG.info("scheduler started: Quartz job store in the gateway store{}", mode);
        } catch (Exception e) {
            LOG.error("the scheduler could not start firing: {}", e.getMessage(), e);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetNotifications")
    void setNotifications(Notifications notifications) {
        this.notifications = notifications;
    }

    void unsetNotifications(Notifications gone) {
        if (notifications == gone) {
            notifications = null;
        }
    }

    private void announce(ScheduleDisabled disabled) {
        Notifications current = notifications;
        if (current == null) {
            LOG.warn("nobody is told by email or on the relay that the schedule of {} is disabled: the failure "
                    + "notifier is not running", disabled.dataset());
            return;
        }
        current.announceScheduleDisabled(disabled);
    }

    ScheduledRefreshRunner runner() {
        return runner;
    }

    ScheduleRoutes routes() {
        return routes;
    }

    @Deactivate
    public void deactivate() throws Exception {
        waitForFramework.close();
        subscription.close();
        routes.close();
        runner.close();
    }
}
