package org.gatehouse.shell.impl;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gatehouse.api.gateway.DatasetInfo;
import org.gatehouse.api.gateway.DatasetInfo.QueryInfo;
import org.gatehouse.api.gateway.GatewayDefinitions;

@Command(scope = "gateway", name = "dataset-show", description = "Shows a dataset's queries in refresh order.")
@Service
public class DatasetShowCommand extends GatewayAction {

    @Argument(index = 0, name = "name", required = true, description = "dataset name")
    @Completion(DatasetNameCompleter.class)
    private String name;

    @Reference
    private GatewayDefinitions definitions;

    @Override
    protected void run() {
        DatasetInfo dataset = definitions.dataset(name)
                .orElseThrow(() -> new IllegalArgumentException("no dataset '" + name + "' is defined"));
        System.out.println("dataset " + dataset.name() + "; scheduled results go to "
                + (dataset.destination() == null ? "the gateway's results queue" : dataset.destination()));
        ShellTable table = new ShellTable();
        table.column("Query");
        table.column("Data source");
        table.column("Text").maxSize(100).wrap();
        for (QueryInfo query : dataset.queries()) {
            table.addRow().addContent(query.name(), query.dataSourceId(), query.text());
        }
        table.print(System.out);
    }
}
