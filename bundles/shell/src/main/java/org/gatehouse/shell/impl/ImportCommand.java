package org.gatehouse.shell.impl;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.gatehouse.api.gateway.GatewayTransfer;

@Command(scope = "gateway", name = "import", description = "Adds the data sources, credentials and datasets of an "
        + "export to this gateway; asks for the exporting gateway's recovery key. Existing ones are left alone.")
@Service
public class ImportCommand extends GatewayAction {

    @Argument(index = 0, name = "file", required = true, description = "the export, on the gateway machine")
    @Completion(FileCompleter.class)
    private String file;

    @Option(name = "--key-file", description = "for scripts: read the recovery key from this file's first line")
    private String keyFile;

    @Reference
    private Session session;

    @Reference(optional = true)
    private GatewayTransfer transfer;

    @Override
    protected void run() throws IOException {
        requireStoreOpen(transfer, "import");
        GatewayTransfer.Summary summary = transfer.importFrom(Path.of(file),
                RecoveryKeyInput.existing(session, keyFile, "Recovery key of the exporting gateway: "));
        System.out.println("imported " + summary.dataSources().size() + " data sources and "
                + summary.datasets().size() + " datasets from " + file);
        summary.skipped().forEach(skipped -> System.out.println("  skipped " + skipped));
    }
}
