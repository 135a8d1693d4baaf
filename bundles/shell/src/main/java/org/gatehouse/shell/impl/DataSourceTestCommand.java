package org.gatehouse.shell.impl;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.gateway.GatewayDefinitions;

@Command(scope = "gateway", name = "datasource-test", description = "Checks that a data source can be reached and "
        + "accepts its sign-in, without running a dataset.")
@Service
public class DataSourceTestCommand extends GatewayAction {

    @Argument(index = 0, name = "id", required = true, description = "data source id")
    @Completion(DataSourceIdCompleter.class)
    private String id;

    @Reference
    private GatewayDefinitions definitions;

    @Override
    protected void run() throws CommandException {
        try {
            definitions.testDataSource(id);
        } catch (ConnectorException failed) {
            // the connector's message names the data source and says what is wrong, without secrets
            throw new CommandException("test of data source " + id + " failed (" + failed.reason() + "): "
                    + failed.getMessage());
        }
        System.out.println("data source " + id + ": reachable, sign-in accepted");
    }
}
