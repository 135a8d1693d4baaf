package org.gatehouse.shell.impl;

import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gatehouse.api.gateway.DataSourceInfo;
import org.gatehouse.api.gateway.DatasetInfo;
import org.gatehouse.api.gateway.GatewayDefinitions;

@Command(scope = "gateway", name = "datasource-list", description = "Lists the data sources, how they are signed in "
        + "and the datasets using them.")
@Service
public class DataSourceListCommand extends GatewayAction {

    @Reference
    private GatewayDefinitions definitions;

    @Override
    protected void run() {
        List<DatasetInfo> datasets = definitions.datasets();
        ShellTable table = new ShellTable().emptyTableText("no data source defined");
        table.column("Id");
        table.column("Kind");
        table.column("Sign-in");
        table.column("User");
        table.column("Used by");
        for (DataSourceInfo source : definitions.dataSources()) {
            table.addRow().addContent(source.id(), source.kind(),
                    source.authentication().name().toLowerCase(Locale.ROOT), Formats.orDash(source.user()),
                    String.join(", ", DatasetUse.datasetsUsing(source.id(), datasets)));
        }
        table.print(System.out);
    }
}
