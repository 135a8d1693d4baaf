package org.gatehouse.shell.impl;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gatehouse.api.Connector;
import org.gatehouse.api.refresh.ConnectorCatalog;
import org.gatehouse.api.refresh.ConnectorInfo;

@Command(scope = "gateway", name = "connectors", description = "Lists the installed connectors: the data-source kinds "
        + "this gateway can read, their versions and how their data sources can be signed in to.")
@Service
public class ConnectorsCommand extends GatewayAction {

    @Reference
    private ConnectorCatalog catalog;

    /** The connector services themselves: only they know the sign-in types they support. */
    @Reference
    private List<Connector> connectors;

    @Override
    protected void run() {
        Map<String, Connector> byKind = connectors.stream()
                .collect(Collectors.toMap(Connector::kind, Function.identity(), (first, second) -> first));
        ShellTable table = new ShellTable().emptyTableText("no connector installed");
        table.column("Kind");
        table.column("Version");
        table.column("Sign-in");
        for (ConnectorInfo installed : catalog.installedConnectors()) {
            Connector connector = byKind.get(installed.kind());
            table.addRow().addContent(installed.kind(), installed.version(),
                    connector == null ? "-" : signIns(connector));
        }
        table.print(System.out);
    }

    private static String signIns(Connector connector) {
        return connector.supportedAuthentication().stream().sorted()
                .map(type -> type.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
