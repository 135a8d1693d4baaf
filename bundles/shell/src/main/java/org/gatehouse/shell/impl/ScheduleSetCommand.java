package org.gatehouse.shell.impl;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.gatehouse.api.schedule.DatasetSchedule;
import org.gatehouse.api.schedule.ScheduleForm;
import org.gatehouse.api.schedule.Schedules;

@Command(scope = "gateway", name = "schedule-set", description = "Sets (or replaces) when a dataset refreshes on its "
        + "own: --days mon-fri --times 08:00,12:30 --zone Europe/Paris, or --cron \"0 0/15 * * * ?\" --zone UTC. "
        + "The schedule starts enabled, at once, without a restart.")
@Service
public class ScheduleSetCommand extends GatewayAction {

    @Argument(index = 0, name = "dataset", required = true, description = "dataset name")
    @Completion(DatasetNameCompleter.class)
    private String dataset;

    @Option(name = "--days", description = "days of the week: mon-fri, mon,wed,fri, sat-sun or daily (default daily)")
    private String days;

    @Option(name = "--times", description = "times of day, 24-hour, comma-separated: 08:00,12:30 (no daily cap)")
    private String times;

    @Option(name = "--cron", description = "a Quartz cron expression instead of days and times, seconds first: "
            + "\"0 0/15 * * * ?\"")
    private String cron;

    @Option(name = "--zone", description = "the IANA time zone the times are in: Europe/Paris, UTC")
    private String zone;

    @Option(name = "--misfire", description = "a slot missed while the gateway was down: skip (default) or run-once")
    private String misfire;

    /** Karaf takes options only before the first argument; the schedule may also follow the dataset's name. */
    @Argument(index = 1, name = "schedule", multiValued = true, description = "the schedule's options after the "
            + "dataset name, the same as before it: --cron \"0 0/15 * * * ?\" --zone UTC")
    private List<String> trailing;

    @Reference(optional = true)
    private Schedules schedules;

    @Override
    protected void run() {
        requireStoreOpen(schedules, "scheduled refresh");
        List<String> words = new ArrayList<>();
        addOption(words, "--days", days);
        addOption(words, "--times", times);
        addOption(words, "--cron", cron);
        addOption(words, "--zone", zone);
        addOption(words, "--misfire", misfire);
        if (trailing != null) {
            words.addAll(trailing);
        }
        ScheduleForm form = ScheduleForm.parse(words);
        DatasetSchedule schedule = schedules.set(dataset, form.timing(), form.misfire());
        System.out.println("dataset " + dataset + " refreshes " + schedule.timing().describe() + " (misfire "
                + schedule.misfire().option() + ")");
    }

    private static void addOption(List<String> words, String option, String value) {
        if (value != null) {
            words.add(option);
            words.add(value);
        }
    }
}
