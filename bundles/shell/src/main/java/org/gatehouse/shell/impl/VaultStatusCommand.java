package org.gatehouse.shell.impl;

import java.time.ZoneId;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.gatehouse.api.gateway.CredentialVault;
import org.gatehouse.api.gateway.VaultStatus;

@Command(scope = "gateway", name = "vault-status", description = "Shows the credential vault: open or locked, whether "
        + "a recovery key is set, the public key the service seals credentials with.")
@Service
public class VaultStatusCommand extends GatewayAction {

    @Reference(optional = true)
    private CredentialVault vault;

    @Override
    protected void run() {
        requireStoreOpen(vault, "the credential vault");
        VaultStatus status = vault.status();
        ShellTable table = new ShellTable().noHeaders();
        table.column("What");
        table.column("Value");
        table.addRow().addContent("State", status.state().name().toLowerCase(Locale.ROOT)
                + (status.state() == VaultStatus.State.LOCKED ? " (run gateway:vault-unlock)" : ""));
        table.addRow().addContent("Recovery key", status.recoveryKeySet() ? "set"
                : "NOT SET: choose one with gateway:vault-recovery-key");
        table.addRow().addContent("Public key", status.publicKeyFingerprint());
        table.addRow().addContent("Signed-in data sources", status.signedInDataSources());
        table.addRow().addContent("Created", Formats.time(status.createdAt(), ZoneId.systemDefault()));
        table.print(System.out);
    }
}
