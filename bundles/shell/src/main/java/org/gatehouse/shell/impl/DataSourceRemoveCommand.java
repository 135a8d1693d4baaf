package org.gatehouse.shell.impl;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.gatehouse.api.gateway.GatewayDefinitions;

@Command(scope = "gateway", name = "datasource-remove", description = "Removes a data source and its sign-in. Refused "
        + "while a dataset uses it.")
@Service
public class DataSourceRemoveCommand extends GatewayAction {

    @Argument(index = 0, name = "id", required = true, description = "data source id")
    @Completion(DataSourceIdCompleter.class)
    private String id;

    @Reference
    private GatewayDefinitions definitions;

    @Override
    protected void run() {
        definitions.removeDataSource(id);
        System.out.println("data source " + id + " removed");
    }
}
