package org.gatehouse.core.impl.vault;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM as the vault uses it: a fresh 96-bit nonce per encryption, a 128-bit tag, and associated data that says
 * what the ciphertext is (so one row's ciphertext cannot be passed off as another's). Stored form: base64 of
 * nonce followed by ciphertext-and-tag, text so that the same column works on H2 and PostgreSQL.
 */
final class Aead {

    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Aead() {
    }

    static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make AES keys", e);
        }
    }

    static SecretKey key(byte[] encoded) {
        return new SecretKeySpec(encoded, "AES");
    }

    static String encrypt(SecretKey key, String associatedData, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(plaintext);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + ciphertext.length)
                    .put(nonce).put(ciphertext).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed: " + e.getClass().getSimpleName(), e);
        }
    }

    static String encrypt(SecretKey key, String associatedData, String plaintext) {
        return encrypt(key, associatedData, plaintext.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws WrongKeyException when the key or the associated data is not the one it was encrypted with */
    static byte[] decrypt(SecretKey key, String associatedData, String stored) throws WrongKeyException {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored);
        } catch (IllegalArgumentException e) {
            throw new WrongKeyException("not an encrypted value");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new WrongKeyException("an encrypted value is cut short");
        }
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOf(bytes, NONCE_BYTES)));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new WrongKeyException("the key does not open it, or it was altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed: " + e.getClass().getSimpleName(), e);
        }
    }

    static String decryptText(SecretKey key, String associatedData, String stored) throws WrongKeyException {
        return new String(decrypt(key, associatedData, stored), StandardCharsets.UTF_8);
    }

    /** A ciphertext that the given key does not open: the wrong key, or data that was changed. */
    static final class WrongKeyException extends Exception {
        private static final long serialVersionUID = 1L;

        WrongKeyException(String message) {
            super(message);
        }
    }
}
