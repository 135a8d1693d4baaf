package org.gatehouse.shell.impl;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.console.Session;

/**
 * Where datasource-signin takes a password, key or token from, never from the command line: the owner's terminal
 * without echo, or, for scripts, the first line of a file on the gateway machine. Messages never contain the secret.
 */
final class SecretInput {

    private SecretInput() {
    }

    /** Asks on the terminal, echoing '*' for each character typed. */
    static String prompt(Session session, String what, String prompt) throws IOException {
        String secret;
        try {
            secret = session.readLine(prompt, '*');
        } catch (UnsupportedOperationException noTerminal) {
            // a headless session (a command run over SSH without a terminal, bin/client with a command)
            throw new IllegalArgumentException("this session has no terminal to ask for the " + what
                    + " on; in scripts, use --password-file FILE");
        }
        if (secret == null) {
            throw new IllegalArgumentException("no " + what + " entered");
        }
        return secret;
    }

    /** The first line of a file, without its line ending; refused if the file cannot be read or is empty. */
    static String fromFile(Path file, String what) {
        String firstLine;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            firstLine = reader.readLine();
        } catch (IOException e) {
            // the exception's class says enough (NoSuchFile, AccessDenied); its message is only the path again
            throw new IllegalArgumentException("cannot read " + what + " file " + file + ": "
                    + e.getClass().getSimpleName());
        }
        if (firstLine == null || firstLine.isEmpty()) {
            throw new IllegalArgumentException(what + " file " + file + " is empty");
        }
        return firstLine;
    }
}
