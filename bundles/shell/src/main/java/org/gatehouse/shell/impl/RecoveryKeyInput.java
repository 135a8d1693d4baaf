package org.gatehouse.shell.impl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.karaf.shell.api.console.Session;

/** Where the vault commands take a recovery key from: the terminal without echo, or a file for scripts. */
final class RecoveryKeyInput {

    private RecoveryKeyInput() {
    }

    /** An existing recovery key: asked once. */
    static char[] existing(Session session, String keyFile, String prompt) throws IOException {
        if (keyFile != null) {
            return SecretInput.fromFile(Path.of(keyFile), "recovery key").toCharArray();
        }
        return SecretInput.prompt(session, "recovery key", prompt).toCharArray();
    }

    /** A new recovery key: asked twice on a terminal, so a typo does not lock the owner out. */
    static char[] chosen(Session session, String keyFile) throws IOException {
        if (keyFile != null) {
            return SecretInput.fromFile(Path.of(keyFile), "recovery key").toCharArray();
        }
        char[] first = SecretInput.prompt(session, "recovery key", "New recovery key (at least 12 characters; "
                + "keep it safe, it is needed to move this gateway): ").toCharArray();
        char[] second = SecretInput.prompt(session, "recovery key", "Repeat the new recovery key: ").toCharArray();
        if (!Arrays.equals(first, second)) {
            throw new IllegalArgumentException("the two recovery keys differ; nothing was changed");
        }
        return first;
    }
}
