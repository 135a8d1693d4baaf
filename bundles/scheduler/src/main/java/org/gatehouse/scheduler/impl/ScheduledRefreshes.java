package org.gatehouse.scheduler.impl;

import org.gatehouse.api.gateway.DatasetInfo;
import org.gatehouse.api.gateway.GatewayDefinitions;
import org.gatehouse.api.refresh.RefreshService;
import org.gatehouse.api.refresh.ResultDelivery;
import org.gatehouse.api.schedule.Schedules;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires the datasets' schedules while both the schedules (the gateway store is open) and the refresh engine are
 * there: builds a route per enabled schedule at start and follows every change the {@link Schedules} service
 * announces, without a restart.
 */
@Component(service = {}, immediate = true, configurationPid = "org.gatehouse.scheduler",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SchedulerConfig.class)
public class ScheduledRefreshes {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledRefreshes.class);
    private static final int QUARTZ_THREADS = 2;

    private final ScheduledRefreshRunner runner;
    private final ScheduleRoutes routes;
    private final AutoCloseable subscription;

    @Activate
    public ScheduledRefreshes(@Reference Schedules schedules, @Reference RefreshService refreshes,
                              @Reference GatewayDefinitions definitions, @Reference ResultDelivery delivery,
                              SchedulerConfig config) throws Exception {
        if (config.maxConcurrentRefreshes() < 1 || config.disableAfterFailures() < 0) {
            throw new IllegalArgumentException("org.gatehouse.scheduler: maxConcurrentRefreshes must be 1 or more and "
                    + "disableAfterFailures 0 or more");
        }
        // the relay link offers the delivery: without a link nobody could receive a scheduled result, and a new link
        // (its configuration changed) restarts the scheduler with it
        runner = new ScheduledRefreshRunner(schedules, refreshes, delivery,
                dataset -> definitions.dataset(dataset).map(DatasetInfo::destination), config.maxConcurrentRefreshes(),
                config.disableAfterFailures());
        ScheduleRoutes created;
        try {
            created = new ScheduleRoutes(schedules, runner, "gatehouse-scheduler", QUARTZ_THREADS);
        } catch (Exception e) {
            runner.close();
            throw e;
        }
        routes = created;
        subscription = schedules.onChange(routes::sync);
        routes.syncAll();
        LOG.info("scheduler started");
    }

    ScheduleRoutes routes() {
        return routes;
    }

    @Deactivate
    void deactivate() throws Exception {
        subscription.close();
        routes.close();
        runner.close();
    }
}
