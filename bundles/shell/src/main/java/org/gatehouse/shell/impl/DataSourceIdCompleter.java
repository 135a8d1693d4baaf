package org.gatehouse.shell.impl;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.gatehouse.api.gateway.DataSourceInfo;
import org.gatehouse.api.gateway.GatewayDefinitions;

/** Completes the ids of the data sources defined right now. */
@Service
public class DataSourceIdCompleter implements Completer {

    @Reference
    private GatewayDefinitions definitions;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(definitions.dataSources().stream().map(DataSourceInfo::id).toList())
                .complete(session, commandLine, candidates);
    }
}
