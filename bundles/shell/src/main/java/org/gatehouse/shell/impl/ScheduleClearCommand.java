package org.gatehouse.shell.impl;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.gatehouse.api.schedule.Schedules;

@Command(scope = "gateway", name = "schedule-clear", description = "Removes a dataset's schedule: it no longer "
        + "refreshes on its own (a refresh already running finishes).")
@Service
public class ScheduleClearCommand extends GatewayAction {

    @Argument(index = 0, name = "dataset", required = true, description = "dataset name")
    @Completion(DatasetNameCompleter.class)
    private String dataset;

    @Reference(optional = true)
    private Schedules schedules;

    @Override
    protected void run() {
        requireStoreOpen(schedules, "scheduled refresh");
        if (!schedules.clear(dataset)) {
            throw new IllegalArgumentException("dataset " + dataset + " has no schedule");
        }
        System.out.println("schedule of " + dataset + " cleared");
    }
}
