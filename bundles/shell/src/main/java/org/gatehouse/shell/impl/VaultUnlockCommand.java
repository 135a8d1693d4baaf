package org.gatehouse.shell.impl;

import java.io.IOException;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.gatehouse.api.gateway.CredentialVault;

@Command(scope = "gateway", name = "vault-unlock", description = "Opens a vault that this machine's key cannot open "
        + "(its store came from another machine) with the recovery key, and protects it with this machine's key.")
@Service
public class VaultUnlockCommand extends GatewayAction {

    @Option(name = "--key-file", description = "for scripts: read the recovery key from this file's first line")
    private String keyFile;

    @Reference
    private Session session;

    @Reference(optional = true)
    private CredentialVault vault;

    @Override
    protected void run() throws IOException {
        requireStoreOpen(vault, "the credential vault");
        vault.unlock(RecoveryKeyInput.existing(session, keyFile, "Recovery key: "));
        System.out.println("credential vault open; this machine's key opens it from now on");
    }
}
