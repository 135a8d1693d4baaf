package org.gatehouse.shell.impl;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.gatehouse.api.gateway.DatasetInfo;
import org.gatehouse.api.gateway.GatewayDefinitions;

@Command(scope = "gateway", name = "dataset-add", description = "Defines a dataset: named queries over one or more "
        + "data sources, refreshed in the order given.")
@Service
public class DatasetAddCommand extends GatewayAction {

    @Argument(index = 0, name = "name", required = true, description = "the new dataset's name")
    private String name;

    @Option(name = "--query", aliases = "-q", required = true, multiValued = true, description = "a query as "
            + QueryOption.FORM + ", e.g. --query \"sales=erp:SELECT * FROM sales\"; repeat for more tables")
    private List<String> queries;

    @Option(name = "--destination", description = "the relay address results nobody asked for (a scheduled "
            + "refresh's) go to; default: gatehouse.<gatewayId>.results")
    private String destination;

    @Reference
    private GatewayDefinitions definitions;

    @Override
    protected void run() {
        DatasetInfo dataset = new DatasetInfo(name, QueryOption.parse(queries), destination);
        definitions.addDataset(dataset);
        System.out.println("dataset " + name + " added with " + dataset.queries().size()
                + (dataset.queries().size() == 1 ? " query" : " queries"));
    }
}
