package org.gatehouse.core.impl.vault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.SecretKey;

/**
 * This machine's key: a random AES key in a file only the gateway's user can read, the stand-in for what Windows'
 * DPAPI does for the reference gateway. It lets the gateway open its vault at every start without asking anyone;
 * a copy of the store without this file cannot be read without the recovery key.
 */
public final class MachineKey {

    private final Path file;

    public MachineKey(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** The key, if the file exists. */
    Optional<SecretKey> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            byte[] key = Base64.getDecoder().decode(Files.readString(file).trim());
            if (key.length != 32) {
                throw new IllegalStateException("the machine key " + file + " is damaged (not a 256-bit key)");
            }
            return Optional.of(Aead.key(key));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the machine key " + file + " is damaged (not base64)");
        } catch (IOException e) {
            throw new UncheckedIOException("the machine key " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The key in the file, made now (owner-only permissions where the file system has them) if there is none. */
    SecretKey readOrCreate() {
        Optional<SecretKey> existing = read();
        if (existing.isPresent()) {
            return existing.get();
        }
        SecretKey key = Aead.newKey();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key.getEncoded()) + "\n",
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data directory's ACL is what protects it
            }
            return key;
        } catch (FileAlreadyExistsException raced) {
            return read().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("the machine key " + file + " cannot be written: " + e.getMessage(), e);
        }
    }
}
