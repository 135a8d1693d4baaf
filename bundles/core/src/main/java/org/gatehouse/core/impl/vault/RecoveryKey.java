package org.gatehouse.core.impl.vault;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Turns the owner's recovery key (a passphrase) into the AES key that protects the gateway key for moving it:
 * PBKDF2-HMAC-SHA256 with a random salt and an iteration count stored next to it, so it can be raised later without
 * breaking existing vaults.
 */
final class RecoveryKey {

    static final int MIN_LENGTH = 12;
    static final int ITERATIONS = 310_000;
    private static final int SALT_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryKey() {
    }

    static void requireAcceptable(char[] recoveryKey) {
        if (recoveryKey == null || recoveryKey.length < MIN_LENGTH) {
            throw new IllegalArgumentException("a recovery key must have at least " + MIN_LENGTH + " characters");
        }
        if (new String(recoveryKey).isBlank()) {
            throw new IllegalArgumentException("a recovery key must not be only spaces");
        }
    }

    static byte[] newSalt() {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return salt;
    }

    static SecretKey derive(char[] recoveryKey, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(recoveryKey, salt, iterations, 256);
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            try {
                return Aead.key(key);
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
