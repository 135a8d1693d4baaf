package org.gatehouse.shell.impl;

import java.time.ZoneId;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gatehouse.api.gateway.CredentialVault;
import org.gatehouse.api.gateway.DatasetInfo;
import org.gatehouse.api.gateway.GatewayDefinitions;
import org.gatehouse.api.gateway.HistoryEntry;
import org.gatehouse.api.gateway.RefreshHistory;
import org.gatehouse.api.gateway.RelayStatus;
import org.gatehouse.api.gateway.VaultStatus;
import org.gatehouse.api.refresh.ConnectorCatalog;
import org.gatehouse.api.refresh.ConnectorInfo;

@Command(scope = "gateway", name = "status", description = "Shows the gateway: its relay link, its connectors and the "
        + "last refresh of each dataset.")
@Service
public class StatusCommand extends GatewayAction {

    /** Optional: a relay link that cannot start (a wrong URL in etc/) must not hide the other commands. */
    @Reference(optional = true)
    private RelayStatus relay;

    @Reference
    private ConnectorCatalog connectors;

    @Reference
    private GatewayDefinitions definitions;

    /** Optional: without an open store the status still shows, and says that history is not recorded. */
    @Reference(optional = true)
    private RefreshHistory history;

    @Reference(optional = true)
    private CredentialVault vault;

    @Override
    protected void run() {
        ZoneId zone = ZoneId.systemDefault();
        ShellTable gateway = new ShellTable().noHeaders();
        gateway.column("What");
        gateway.column("Value");
        if (relay == null) {
            gateway.addRow().addContent("Relay", "not linked: the relay link did not start (see data/log/karaf.log "
                    + "and etc/org.gatehouse.relay.cfg)");
        } else {
            gateway.addRow().addContent("Gateway", relay.gatewayId());
            gateway.addRow().addContent("Version", relay.version());
            gateway.addRow().addContent("Relay", relay.relayAddress());
            gateway.addRow().addContent("Connected", relay.connected() ? "yes" : "no");
            gateway.addRow().addContent("Last heartbeat", Formats.time(relay.lastHeartbeat(), zone, "never"));
        }
        gateway.addRow().addContent("Credential vault", vaultState());
        if (history == null) {
            gateway.addRow().addContent("History", "not recorded: the gateway store is not open (see "
                    + "data/log/karaf.log)");
        }
        gateway.print(System.out);

        System.out.println();
        ShellTable installed = new ShellTable().emptyTableText("no connector installed");
        installed.column("Connector");
        installed.column("Version");
        for (ConnectorInfo connector : connectors.installedConnectors()) {
            installed.addRow().addContent(connector.kind(), connector.version());
        }
        installed.print(System.out);

        System.out.println();
        ShellTable datasets = new ShellTable().emptyTableText("no dataset defined");
        datasets.column("Dataset");
        datasets.column("Last refresh");
        datasets.column("Status");
        datasets.column("Rows").alignRight();
        datasets.column("Duration").alignRight();
        for (DatasetInfo dataset : definitions.datasets()) {
            HistoryEntry last = history == null ? null : history.lastFinished(dataset.name()).orElse(null);
            if (last == null) {
                datasets.addRow().addContent(dataset.name(), "never", "", "", "");
            } else {
                datasets.addRow().addContent(dataset.name(), Formats.time(last.started(), zone), last.status(),
                        Formats.count(last.rows()), Formats.duration(last.duration()));
            }
        }
        datasets.print(System.out);
    }

    private String vaultState() {
        if (vault == null) {
            return "not open (the gateway store is not open; see the log)";
        }
        VaultStatus status = vault.status();
        return status.state().name().toLowerCase(Locale.ROOT) + (status.recoveryKeySet() ? ""
                : ", no recovery key yet (gateway:vault-recovery-key)");
    }
}
