package org.gatehouse.shell.impl;

import java.time.Instant;
import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gatehouse.api.schedule.DatasetSchedule;
import org.gatehouse.api.schedule.Schedules;

@Command(scope = "gateway", name = "schedule-list", description = "Lists the datasets' refresh schedules with their "
        + "next fire time.")
@Service
public class ScheduleListCommand extends GatewayAction {

    @Reference(optional = true)
    private Schedules schedules;

    @Override
    protected void run() {
        requireStoreOpen(schedules, "scheduled refresh");
        ShellTable table = new ShellTable().emptyTableText("no dataset is scheduled");
        table.column("Dataset");
        table.column("Schedule").maxSize(70).wrap();
        table.column("Misfire");
        table.column("Enabled");
        table.column("Failures");
        table.column("Next fire time");
        for (DatasetSchedule schedule : schedules.list()) {
            List<Instant> next = schedules.nextFireTimes(schedule.timing(), Instant.now(), 1);
            table.addRow().addContent(schedule.dataset(), schedule.timing().describe(), schedule.misfire().option(),
                    schedule.enabled() ? "yes" : "no", schedule.consecutiveFailures(),
                    !schedule.enabled() ? "-" : next.isEmpty() ? "never"
                            : Formats.time(next.get(0), schedule.timing().zone()) + " "
                            + schedule.timing().zone().getId());
        }
        table.print(System.out);
    }
}
