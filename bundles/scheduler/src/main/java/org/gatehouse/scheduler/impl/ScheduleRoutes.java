package org.gatehouse.scheduler.impl;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
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
 * every change replaces the dataset's routes and triggers, without touching the others'.
 * <p>
 * Quartz keeps its triggers in a persistent JDBC job store in the gateway store ({@link QuartzJobStore}), so they
 * outlive a restart and, clustered, are shared by the gateways of one store. Which slots were missed is the
 * schedules' own bookkeeping, not Quartz's: each schedule keeps the last slot accounted for, and the slots after it
 * that passed unfired were missed ({@link #catchUp}) — found at start for the time the gateway was down, and when
 * Quartz reports a misfire while running. The triggers themselves do nothing on a misfire, so a missed slot is
 * accounted for once, here, and a late one never runs on top of its catch-up.
 */
final class ScheduleRoutes implements AutoCloseable {

    static final String ROUTE_PREFIX = "schedule-";
    static final String TRIGGER_GROUP = "gatehouse-schedule";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleRoutes.class);
    /** camel-quartz's header with the slot a fire is for (Quartz's scheduled fire time). */
    private static final String SCHEDULED_FIRE_TIME = "scheduledFireTime";
    /** A gateway down for years with a per-second schedule is still accounted for, its count capped. */
    private static final long MAX_MISSED_COUNTED = 1_000_000;
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final String WHILE_STOPPED = "while the gateway's scheduler was not running";
    private static final String MISFIRED = "unfired: the scheduler could not fire it within "
            + QuartzJobStore.MISFIRE_THRESHOLD_MILLIS / 1000 + " s";

    private final Schedules schedules;
    private final ScheduledRefreshRunner runner;
    private final QuartzJobStore jobStore;
    private final DefaultCamelContext camel;
    private final Scheduler quartz;
    /** The triggers this scheduler made for each dataset, and back: which dataset a trigger fires. */
    private final Map<String, List<TriggerKey>> triggers = new ConcurrentHashMap<>();
    private final Map<String, String> datasetOfTrigger = new ConcurrentHashMap<>();

    ScheduleRoutes(Schedules schedules, ScheduledRefreshRunner runner, DataSource store, String instanceName,
                   int quartzThreads, boolean clustered) throws Exception {
        this.schedules = schedules;
        this.runner = runner;
        this.jobStore = new QuartzJobStore(store, quartzThreads);
        DefaultCamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName("gatehouse-scheduler");
        QuartzComponent component = new QuartzComponent(context);
        component.setProperties(jobStore.properties(instanceName, quartzThreads, clustered));
        component.setPrefixInstanceName(false);
        // started once every schedule's route is there (start()), so that no persisted trigger fires into nothing
        component.setAutoStartScheduler(false);
        context.addComponent("quartz", component);
        // Quartz loads its thread pool, job store and delegate by name: from the bundle that embeds it
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(DefaultCamelContext.class.getClassLoader());
        try {
            context.start();
            quartz = component.getScheduler();
            quartz.getListenerManager().addTriggerListener(new MisfireListener(this::misfired),
                    GroupMatcher.triggerGroupEquals(TRIGGER_GROUP));
        } catch (Exception e) {
            context.close();
            jobStore.close();
            throw e;
        } finally {
            thread.setContextClassLoader(previous);
        }
        this.camel = context;
    }

    /**
     * Accounts for the slots missed while the scheduler was not running, builds the routes of every schedule, drops
     * the triggers left in the job store for schedules that are gone, and starts firing.
     */
    void start() throws Exception {
        Instant now = Instant.now();
        List<DatasetSchedule> enabled = new ArrayList<>();
        for (DatasetSchedule schedule : schedules.list()) {
            if (schedule.enabled()) {
                try {
                    catchUp(schedule, now, WHILE_STOPPED);
                } catch (RuntimeException e) {
                    LOG.error("the missed slots of {} could not be accounted for: {}", schedule.dataset(),
                            e.getMessage(), e);
                }
                enabled.add(schedule);
            }
        }
        // all routes in one go: Camel looks through every route for each route added alone, so thousands of
        // schedules added one by one would take minutes
        synchronized (this) {
            addRoutes(enabled);
        }
        LOG.info("{} schedules have their routes", enabled.size());
        for (TriggerKey key : quartz.getTriggerKeys(GroupMatcher.triggerGroupEquals(TRIGGER_GROUP))) {
            if (!datasetOfTrigger.containsKey(key.getName())) {
                LOG.info("trigger {} of a schedule that no longer exists is removed from the job store", key);
                quartz.unscheduleJob(key);
            }
        }
        quartz.start();
    }

    /** Makes the dataset's routes what its schedule says now: none when it has none or it is disabled. */
    synchronized void sync(String dataset) {
        try {
            List<TriggerKey> keys = triggers.getOrDefault(dataset, List.of());
            for (int i = 0; i < keys.size(); i++) {
                camel.getRouteController().stopRoute(routeId(dataset, i));
                camel.removeRoute(routeId(dataset, i));
            }
            unschedule(dataset);
            Optional<DatasetSchedule> schedule = schedules.get(dataset);
            if (schedule.isEmpty() || !schedule.get().enabled()) {
                LOG.info("dataset {} is not scheduled{}", dataset, schedule.isEmpty() ? "" : " (schedule disabled)");
                return;
            }
            addRoutes(List.of(schedule.get()));
            LOG.info("dataset {} scheduled: {}", dataset, schedule.get().timing().describe());
        } catch (Exception e) {
            LOG.error("the schedule of {} could not be applied: {}", dataset, e.getMessage(), e);
        }
    }

    /** The routes of the schedules, one per cron expression, each firing its trigger's slots. */
    private void addRoutes(List<DatasetSchedule> enabled) throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (DatasetSchedule schedule : enabled) {
                    String dataset = schedule.dataset();
                    List<String> expressions = schedule.timing().cronExpressions();
                    String zone = encode(schedule.timing().zone().getId());
                    for (int i = 0; i < expressions.size(); i++) {
                        String trigger = triggerName(dataset, i);
                        datasetOfTrigger.put(trigger, dataset);
                        triggers.computeIfAbsent(dataset, d -> new ArrayList<>())
                                .add(new TriggerKey(trigger, TRIGGER_GROUP));
                        // the trigger stays in the job store when the route stops (the gateway stops): it is only
                        // removed when the schedule changes; on a misfire it waits for its next slot
                        from("quartz://" + TRIGGER_GROUP + "/" + trigger + "?cron=" + encode(expressions.get(i))
                                + "&trigger.timeZone=" + zone + "&deleteJob=false"
                                + "&trigger.misfireInstruction=" + CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING)
                                .routeId(routeId(dataset, i))
                                .process(exchange -> runner.fire(dataset, slotOf(exchange)));
                    }
                }
            }
        });
    }

    /** Removes the triggers this scheduler made for the dataset from the job store. */
    private void unschedule(String dataset) throws SchedulerException {
        List<TriggerKey> keys = triggers.remove(dataset);
        if (keys != null) {
            for (TriggerKey key : keys) {
                datasetOfTrigger.remove(key.getName());
                quartz.unscheduleJob(key);
            }
        }
    }

    /** On a Quartz thread: a slot of the trigger's dataset misfired while the scheduler ran. */
    private void misfired(String trigger) {
        String dataset = datasetOfTrigger.get(trigger);
        if (dataset == null) {
            return;
        }
        try {
            schedules.get(dataset).filter(DatasetSchedule::enabled)
                    .ifPresent(schedule -> catchUp(schedule, Instant.now(), MISFIRED));
        } catch (RuntimeException e) {
            LOG.error("a missed slot of {} could not be accounted for: {}", dataset, e.getMessage(), e);
        }
    }

    private static Instant slotOf(Exchange exchange) {
        Date scheduled = exchange.getIn().getHeader(SCHEDULED_FIRE_TIME, Date.class);
        return scheduled == null ? Instant.now() : scheduled.toInstant();
    }

    /**
     * Accounts for the dataset's slots after the last one accounted for that have passed unfired: one MISSED history
     * entry for them, and with misfire run-once one catch-up refresh now.
     *
     * @param why how they were missed, for the log and the history
     */
    synchronized void catchUp(DatasetSchedule schedule, Instant now, String why) {
        String dataset = schedule.dataset();
        Optional<Instant> last = runner.slots().lastSlot(dataset);
        if (last.isEmpty()) {
            schedules.recordSlot(dataset, now);
            runner.slots().accountedUntil(dataset, now);
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
            runner.slots().accountedUntil(dataset, last.get());
            return;
        }
        boolean runOnce = schedule.misfire() == MisfirePolicy.RUN_ONCE;
        LOG.warn("{} slot(s) of the schedule of {} passed {} ({} to {}){}", count, dataset, why, first, latest,
                runOnce ? ": one catch-up refresh runs now" : ": skipped");
        schedules.recordMissed(dataset, first, latest, count, why + "; " + (runOnce
                ? "one catch-up refresh runs now (misfire run-once)" : "skipped (misfire skip)"));
        schedules.recordSlot(dataset, now);
        runner.slots().accountedUntil(dataset, now);
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

    /** The Quartz scheduler (tests, the benchmark). */
    Scheduler quartz() {
        return quartz;
    }

    @Override
    public synchronized void close() {
        try {
            // stop firing first: the routes' triggers stay in the job store for the next start
            quartz.shutdown(true);
        } catch (SchedulerException e) {
            LOG.warn("the scheduler's Quartz did not stop cleanly: {}", e.getMessage());
        }
        try {
            camel.close();
        } catch (Exception e) {
            LOG.warn("the scheduler's Camel context did not stop cleanly: {}", e.getMessage());
        } finally {
            jobStore.close();
        }
    }
}
