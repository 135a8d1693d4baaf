package org.gatehouse.shell.impl;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gatehouse.api.schedule.DatasetSchedule;
import org.gatehouse.api.schedule.Schedules;
import org.gatehouse.api.schedule.Timing;

@Command(scope = "gateway", name = "schedule-show", description = "Shows a dataset's schedule and its next fire "
        + "times in the schedule's time zone.")
@Service
public class ScheduleShowCommand extends GatewayAction {

    static final int NEXT = 5;
    private static final DateTimeFormatter FIRE_TIME = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss xxx");

    @Argument(index = 0, name = "dataset", required = true, description = "dataset name")
    @Completion(DatasetNameCompleter.class)
    private String dataset;

    @Reference(optional = true)
    private Schedules schedules;

    @Override
    protected void run() {
        requireStoreOpen(schedules, "scheduled refresh");
        DatasetSchedule schedule = schedules.get(dataset).orElseThrow(() -> new IllegalArgumentException(
                "dataset " + dataset + " has no schedule (see gateway:schedule-set)"));
        Timing timing = schedule.timing();
        ShellTable table = new ShellTable();
        table.column("Setting");
        table.column("Value").maxSize(100).wrap();
        table.addRow().addContent("dataset", dataset);
        table.addRow().addContent("schedule", timing.describe());
        table.addRow().addContent("cron", String.join("  |  ", timing.cronExpressions()));
        table.addRow().addContent("misfire", schedule.misfire().option());
        table.addRow().addContent("enabled", schedule.enabled() ? "yes" : "no (gateway:schedule-enable turns it on)");
        table.addRow().addContent("consecutive failures", schedule.consecutiveFailures());
        table.print(System.out);

        System.out.println();
        ZoneId zone = timing.zone();
        ShellTable next = new ShellTable().emptyTableText("no fire time left");
        next.column("Next fire time (" + zone.getId() + ")");
        next.column("UTC");
        for (Instant time : schedules.nextFireTimes(timing, Instant.now(), NEXT)) {
            next.addRow().addContent(FIRE_TIME.format(time.atZone(zone)), time.toString());
        }
        next.print(System.out);
        if (!schedule.enabled()) {
            System.out.println("(disabled: these times are when it would fire)");
        }
    }
}
