package org.gatehouse.shell.impl;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.gatehouse.api.schedule.Schedules;

@Command(scope = "gateway", name = "schedule-enable", description = "Turns a dataset's schedule back on (e.g. after "
        + "it was disabled for failing), counting failures from 0 again; --off turns it off.")
@Service
public class ScheduleEnableCommand extends GatewayAction {

    @Argument(index = 0, name = "dataset", required = true, description = "dataset name")
    @Completion(DatasetNameCompleter.class)
    private String dataset;

    @Option(name = "--off", description = "disable the schedule instead (it is kept, and fires no more)")
    private boolean off;

    @Reference(optional = true)
    private Schedules schedules;

    @Override
    protected void run() {
        requireStoreOpen(schedules, "scheduled refresh");
        schedules.setEnabled(dataset, !off);
        System.out.println("schedule of " + dataset + (off ? " disabled" : " enabled"));
    }
}
