package org.gatehouse.shell.impl;

import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.gatehouse.api.gateway.GatewayTransfer;

@Command(scope = "gateway", name = "export", description = "Writes every data source (with its credentials, still "
        + "encrypted) and dataset to a file for moving the gateway; only the recovery key opens it.")
@Service
public class ExportCommand extends GatewayAction {

    @Argument(index = 0, name = "file", required = true, description = "the file to write, on the gateway machine")
    @Completion(FileCompleter.class)
    private String file;

    @Reference(optional = true)
    private GatewayTransfer transfer;

    @Override
    protected void run() {
        requireStoreOpen(transfer, "export");
        GatewayTransfer.Summary summary = transfer.exportTo(Path.of(file));
        System.out.println("exported " + summary.dataSources().size() + " data sources and "
                + summary.datasets().size() + " datasets to " + file);
    }
}
