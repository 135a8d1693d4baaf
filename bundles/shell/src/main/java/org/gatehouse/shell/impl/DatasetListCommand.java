package org.gatehouse.shell.impl;

import java.time.ZoneId;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gatehouse.api.gateway.DatasetInfo;
import org.gatehouse.api.gateway.DatasetInfo.QueryInfo;
import org.gatehouse.api.gateway.GatewayDefinitions;
import org.gatehouse.api.gateway.RefreshHistory;

@Command(scope = "gateway", name = "dataset-list", description = "Lists the datasets, the data sources they read and "
        + "how their last refresh ended.")
@Service
public class DatasetListCommand extends GatewayAction {

    @Reference
    private GatewayDefinitions definitions;

    /**
     * Optional: Karaf registers a bundle's commands only once every mandatory reference of every one of them is
     * there, so one mandatory history reference would hide all gateway:* commands while the store cannot open.
     */
    @Reference(optional = true)
    private RefreshHistory history;

    @Override
    protected void run() {
        ZoneId zone = ZoneId.systemDefault();
        ShellTable table = new ShellTable().emptyTableText("no dataset defined");
        table.column("Dataset");
        table.column("Queries").alignRight();
        table.column("Data sources");
        table.column("Last refresh");
        for (DatasetInfo dataset : definitions.datasets()) {
            String sources = String.join(", ", dataset.queries().stream().map(QueryInfo::dataSourceId).distinct()
                    .sorted().toList());
            String last = history == null ? "unknown (no store)" : history.lastFinished(dataset.name())
                    .map(entry -> entry.status() + " " + Formats.time(entry.started(), zone)).orElse("never");
            table.addRow().addContent(dataset.name(), dataset.queries().size(), sources, last);
        }
        table.print(System.out);
    }
}
