package org.gatehouse.scheduler.impl;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.gatehouse.api.schedule.DatasetSchedule;
import org.gatehouse.api.schedule.MisfirePolicy;
import org.gatehouse.api.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's Camel context: one route per enabled schedule, id {@code schedule-<dataset>}, from a
 * {@code quartz:} endpoint with the schedule's cron expression and {@code trigger.timeZone}. A weekly schedule
 * whose times do not share one minute needs several cron expressions: its further routes are
 * {@code schedule-<dataset>#2}, {@code #3}, ... Routes follow the schedules at runtime: {@link #sync(String)} after
 * every change replaces the dataset's routes, without touching the others'.
 * <p>
 * Quartz keeps its jobs in memory here (RAMJobStore): the schedules themselves are in the gateway store and the
 * routes are rebuilt from it when the scheduler starts. Missed slots are found from the store too: each schedule
 * keeps the last slot accounted for, and the slots after it that passed before the start were missed
 * ({@link #catchUp}).
 */
final class ScheduleRoutes implements AutoCloseable {

    static final String ROUTE_PREFIX = "schedule-";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleRoutes.class);
    /** camel-quartz's header with the slot a fire is for (Quartz's scheduled fire time). */
    private static final String SCHEDULED_FIRE_TIME = "scheduledFireTime";
    /** A gateway down for years with a per-second schedule is still accounted for, its count capped. */
    private static final long MAX_MISSED_COUNTED = 1_000_000;
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private final Schedules schedules;
    private final ScheduledRefreshRunner runner;
    private final DefaultCamelContext camel;

    ScheduleRoutes(Schedules schedules, ScheduledRefreshRunner runner, String instanceName, int quartzThreads)
            throws Exception {
        this.schedules = schedules;
        this.runner = runner;
        DefaultCamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName("gatehouse-scheduler");
        QuartzComponent quartz = new QuartzComponent(context);
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", instanceName);
        properties.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        properties.setProperty("org.quartz.threadPool.threadCount", String.valueOf(quartzThreads));
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        quartz.setProperties(properties);
        context.addComponent("quartz", quartz);
        // Quartz loads its thread pool and job store by name: from the bundle that embeds it
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(DefaultCamelContext.class.getClassLoader());
        try {
            context.start();
        } finally {
            thread.setContextClassLoader(previous);
        }
        this.camel = context;
    }

    /** Builds the routes of every schedule (at start, once listening to changes so that none is missed). */
    void syncAll() {
        Instant now = Instant.now();
        for (DatasetSchedule schedule : schedules.list()) {
            if (schedule.enabled()) {
                try {
                    catchUp(schedule, now);
                } catch (RuntimeException e) {
                    LOG.error("the missed slots of {} could not be accounted for: {}", schedule.dataset(),
                            e.getMessage(), e);
                }
            }
            sync(schedule.dataset());
        }
    }

    /** Makes the dataset's routes what its schedule says now: none when it has none or it is disabled. */
    synchronized void sync(String dataset) {
        try {
            for (String routeId : routeIds(dataset)) {
                camel.getRouteController().stopRoute(routeId);
                camel.removeRoute(routeId);
            }
            Optional<DatasetSchedule> schedule = schedules.get(dataset);
            if (schedule.isEmpty() || !schedule.get().enabled()) {
                LOG.info("dataset {} is not scheduled{}", dataset, schedule.isEmpty() ? "" : " (schedule disabled)");
                return;
            }
            List<String> expressions = schedule.get().timing().cronExpressions();
            String zone = schedule.get().timing().zone().getId();
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    for (int i = 0; i < expressions.size(); i++) {
                        String routeId = routeId(dataset, i);
                        from("quartz://gatehouse-schedule/" + triggerName(dataset, i) + "?cron="
                                + encode(expressions.get(i)) + "&trigger.timeZone=" + encode(zone))
                                .routeId(routeId)
                                .process(exchange -> runner.fire(dataset, slotOf(exchange)));
                    }
                }
            });
            LOG.info("dataset {} scheduled: {}", dataset, schedule.get().timing().describe());
        } catch (Exception e) {
            LOG.error("the schedule of {} could not be applied: {}", dataset, e.getMessage(), e);
        }
    }

    private static Instant slotOf(Exchange exchange) {
        Date scheduled = exchange.getIn().getHeader(SCHEDULED_FIRE_TIME, Date.class);
        return scheduled == null ? Instant.now() : scheduled.toInstant();
    }

    /**
     * Accounts, at start, for the dataset's slots that passed while no scheduler ran: one MISSED history entry for
     * them, and with misfire run-once one catch-up refresh now.
     */
    void catchUp(DatasetSchedule schedule, Instant now) {
        String dataset = schedule.dataset();
        Optional<Instant> last = schedules.lastSlot(dataset);
        if (last.isEmpty()) {
            schedules.recordSlot(dataset, now);
            return;
        }
        Instant first = null;
        Instant latest = null;
        long count = 0;
        Instant from = last.get();
        while (count < MAX_MISSED_COUNTED) {
            List<Instant> batch = schedules.nextFireTimes(schedule.timing(), from, 1000);
            List<Instant> passed = batch.stream().filter(slot -> slot.isBefore(now)).toList();
            if (passed.isEmpty()) {
                break;
            }
            if (first == null) {
                first = passed.get(0);
            }
            latest = passed.get(passed.size() - 1);
            count += passed.size();
            if (passed.size() < batch.size()) {
                break;
            }
            from = latest;
        }
        if (count == 0) {
            return;
        }
        boolean runOnce = schedule.misfire() == MisfirePolicy.RUN_ONCE;
        LOG.warn("{} slot(s) of the schedule of {} passed while the scheduler was not running ({} to {}){}", count,
                dataset, first, latest, runOnce ? ": one catch-up refresh runs now" : ": skipped");
        schedules.recordMissed(dataset, first, latest, count, runOnce
                ? "one catch-up refresh runs now (misfire run-once)" : "skipped (misfire skip)");
        schedules.recordSlot(dataset, now);
        if (runOnce) {
            runner.fire(dataset);
        }
    }

    /** The ids of the routes the scheduler runs for the dataset now. */
    List<String> routeIds(String dataset) {
        List<String> ids = new ArrayList<>();
        for (Route route : camel.getRoutes()) {
            String id = route.getRouteId();
            if (id.equals(ROUTE_PREFIX + dataset) || id.startsWith(ROUTE_PREFIX + dataset + "#")) {
                ids.add(id);
            }
        }
        return ids;
    }

    static String routeId(String dataset, int index) {
        return ROUTE_PREFIX + dataset + (index == 0 ? "" : "#" + (index + 1));
    }

    /** A Quartz trigger name the endpoint URI carries as it is. */
    private static String triggerName(String dataset, int index) {
        String name = PLAIN_NAME.matcher(dataset).matches() ? dataset
                : "x" + HexFormat.of().formatHex(dataset.getBytes(StandardCharsets.UTF_8));
        return name + "-" + (index + 1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        try {
            camel.close();
        } catch (Exception e) {
            LOG.warn("the scheduler's Camel context did not stop cleanly: {}", e.getMessage());
        }
    }
}
