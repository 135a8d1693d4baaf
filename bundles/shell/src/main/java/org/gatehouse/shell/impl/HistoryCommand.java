package org.gatehouse.shell.impl;

import java.time.ZoneId;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gatehouse.api.gateway.HistoryEntry;
import org.gatehouse.api.gateway.RefreshHistory;

@Command(scope = "gateway", name = "history", description = "Shows the latest refreshes, newest first: who or what "
        + "asked, when, how long, how much, and why one failed.")
@Service
public class HistoryCommand extends GatewayAction {

    @Argument(index = 0, name = "dataset", description = "only this dataset's refreshes")
    @Completion(DatasetNameCompleter.class)
    private String dataset;

    @Option(name = "--failed", aliases = "-f", description = "only refreshes that did not succeed")
    private boolean failedOnly;

    @Option(name = "--limit", aliases = "-n", description = "at most this many refreshes (default 20)")
    private int limit = 20;

    /** Optional, so that the command can say why there is no history rather than not be there at all. */
    @Reference(optional = true)
    private RefreshHistory history;

    @Override
    protected void run() {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1");
        }
        if (history == null) {
            throw new IllegalArgumentException("no refresh history: the gateway store is not open; "
                    + "data/log/karaf.log says which store and why");
        }
        ZoneId zone = ZoneId.systemDefault();
        ShellTable table = new ShellTable().emptyTableText("no refresh recorded");
        table.column("Dataset");
        table.column("Status");
        table.column("Started");
        table.column("Duration").alignRight();
        table.column("Rows").alignRight();
        table.column("Bytes").alignRight();
        table.column("Trigger");
        table.column("Reason").maxSize(80).wrap();
        for (HistoryEntry entry : history.recent(dataset, failedOnly, limit)) {
            table.addRow().addContent(entry.dataset(), entry.status(), Formats.time(entry.started(), zone),
                    Formats.duration(entry.duration()), Formats.count(entry.rows()), Formats.bytes(entry.bytes()),
                    entry.trigger(), Formats.orDash(entry.reason()));
        }
        table.print(System.out);
    }
}
