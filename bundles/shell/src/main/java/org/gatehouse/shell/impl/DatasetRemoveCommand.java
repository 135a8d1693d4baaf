package org.gatehouse.shell.impl;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.gatehouse.api.gateway.GatewayDefinitions;

@Command(scope = "gateway", name = "dataset-remove", description = "Removes a dataset; the data sources it reads "
        + "stay.")
@Service
public class DatasetRemoveCommand extends GatewayAction {

    @Argument(index = 0, name = "name", required = true, description = "dataset name")
    @Completion(DatasetNameCompleter.class)
    private String name;

    @Reference
    private GatewayDefinitions definitions;

    @Override
    protected void run() {
        definitions.removeDataset(name);
        System.out.println("dataset " + name + " removed");
    }
}
