package org.gatehouse.shell.impl;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.gatehouse.api.gateway.GatewayDefinitions;

@Command(scope = "gateway", name = "datasource-add", description = "Defines a data source: a connector kind and its "
        + "connection settings. It is signed in anonymously until gateway:datasource-signin.")
@Service
public class DataSourceAddCommand extends GatewayAction {

    @Argument(index = 0, name = "id", required = true, description = "the new data source's id")
    private String id;

    @Option(name = "--kind", aliases = "-k", required = true, description = "connector kind, e.g. sql "
            + "(gateway:connectors lists them)")
    @Completion(ConnectorKindCompleter.class)
    private String kind;

    @Option(name = "--set", aliases = "-s", multiValued = true, description = "a connection setting as key=value, "
            + "e.g. --set url=jdbc:h2:/data/sales; quote values with spaces or ';'. Never a password: sign in for that")
    private List<String> settings;

    @Reference
    private GatewayDefinitions definitions;

    @Override
    protected void run() {
        definitions.addDataSource(id, kind, KeyValueOptions.parse(settings));
        System.out.println("data source " + id + " (" + kind + ") added; sign in with gateway:datasource-signin "
                + id);
    }
}
