package org.gatehouse.shell.impl;

import java.io.IOException;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.gatehouse.api.gateway.CredentialVault;

@Command(scope = "gateway", name = "vault-recovery-key", description = "Chooses the recovery key that protects the "
        + "gateway key for moving the gateway (export/import, unlock on another machine), or changes it. Keys are "
        + "asked for without echo.")
@Service
public class VaultRecoveryKeyCommand extends GatewayAction {

    @Option(name = "--key-file", description = "for scripts: read the new recovery key from this file's first line")
    private String keyFile;

    @Option(name = "--current-key-file", description = "for scripts: read the current recovery key from this file")
    private String currentKeyFile;

    @Reference
    private Session session;

    @Reference(optional = true)
    private CredentialVault vault;

    @Override
    protected void run() throws IOException {
        requireStoreOpen(vault, "the credential vault");
        boolean change = vault.status().recoveryKeySet();
        char[] current = change ? RecoveryKeyInput.existing(session, currentKeyFile, "Current recovery key: ") : null;
        vault.setRecoveryKey(RecoveryKeyInput.chosen(session, keyFile), current);
        System.out.println("recovery key " + (change ? "changed" : "set") + "; keep it safe: without it this "
                + "gateway's credentials cannot be moved to another machine");
    }
}
