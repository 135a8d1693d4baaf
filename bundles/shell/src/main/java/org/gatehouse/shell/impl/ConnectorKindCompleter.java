package org.gatehouse.shell.impl;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.gatehouse.api.refresh.ConnectorCatalog;
import org.gatehouse.api.refresh.ConnectorInfo;

/** Completes the kinds of the connectors installed right now. */
@Service
public class ConnectorKindCompleter implements Completer {

    @Reference
    private ConnectorCatalog connectors;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(connectors.installedConnectors().stream().map(ConnectorInfo::kind).toList())
                .complete(session, commandLine, candidates);
    }
}
