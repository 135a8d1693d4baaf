package org.gatehouse.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * A secret encrypted by the service for one gateway, so that credentials cross the relay (and whatever logs the
 * relay keeps) unreadable to anyone but that gateway. Hybrid encryption with what every JDK has: a fresh AES-256 key
 * encrypts the secret (GCM), the gateway's RSA public key encrypts that AES key (OAEP with SHA-256). The associated
 * data binds the envelope to the data source it signs in, so it cannot be replayed to sign in another one; only the
 * gateway holding the private key can open it at all.
 * <p>
 * Wire form: {@code ghs1.<rsa-encrypted key>.<nonce>.<ciphertext>}, each part base64url without padding.
 */
public final class SealedSecret {

    public static final String RSA_ALGORITHM = "RSA";
    public static final int RSA_KEY_BITS = 3072;

    private static final String PREFIX = "ghs1";
    private static final String KEY_WRAP = "RSA/ECB/OAEPPadding";
    private static final OAEPParameterSpec OAEP_SHA256 = new OAEPParameterSpec("SHA-256", "MGF1",
            MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
    private static final String CONTENT_CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private SealedSecret() {
    }

    /** What binds an envelope to the data source it signs in: it must match when the envelope is opened. */
    public static byte[] associatedData(String dataSourceId) {
        return ("gatehouse-credentials\n" + dataSourceId).getBytes(StandardCharsets.UTF_8);
    }

    public static String seal(PublicKey gatewayKey, byte[] associatedData, String secret) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            SecretKey contentKey = generator.generateKey();
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher content = Cipher.getInstance(CONTENT_CIPHER);
            content.init(Cipher.ENCRYPT_MODE, contentKey, new GCMParameterSpec(TAG_BITS, nonce));
            content.updateAAD(associatedData);
            byte[] ciphertext = content.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            Cipher wrap = Cipher.getInstance(KEY_WRAP);
            wrap.init(Cipher.ENCRYPT_MODE, gatewayKey, OAEP_SHA256);
            byte[] wrappedKey = wrap.doFinal(contentKey.getEncoded());
            return PREFIX + "." + ENCODER.encodeToString(wrappedKey) + "." + ENCODER.encodeToString(nonce) + "."
                    + ENCODER.encodeToString(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the secret could not be encrypted for the gateway: " + e.getMessage(), e);
        }
    }

    /**
     * @throws ProtocolException (BAD_REQUEST) when the envelope is malformed, was sealed for another key, another
     *                           gateway or data source, or was altered; the message never includes any of it
     */
    public static String open(PrivateKey gatewayKey, byte[] associatedData, String envelope)
            throws ProtocolException {
        String[] parts = envelope == null ? new String[0] : envelope.split("\\.");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "the sealed secret is not in the " + PREFIX
                    + " format; seal it with the gateway's public key from its heartbeat");
        }
        try {
            byte[] wrappedKey = DECODER.decode(parts[1]);
            byte[] nonce = DECODER.decode(parts[2]);
            byte[] ciphertext = DECODER.decode(parts[3]);
            Cipher unwrap = Cipher.getInstance(KEY_WRAP);
            unwrap.init(Cipher.DECRYPT_MODE, gatewayKey, OAEP_SHA256);
            SecretKey contentKey = new SecretKeySpec(unwrap.doFinal(wrappedKey), "AES");
            Cipher content = Cipher.getInstance(CONTENT_CIPHER);
            content.init(Cipher.DECRYPT_MODE, contentKey, new GCMParameterSpec(TAG_BITS, nonce));
            content.updateAAD(associatedData);
            return new String(content.doFinal(ciphertext), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // deliberately without the cause's details: they may say something about the key or the plaintext
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "the sealed secret cannot be opened by this gateway: "
                    + "it was sealed with another gateway's key or for another data source, or it was altered");
        }
    }

    /** The heartbeat's form of a public key: X.509 SubjectPublicKeyInfo, base64. */
    public static String encodePublicKey(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static PublicKey decodePublicKey(String encoded) throws ProtocolException {
        try {
            return KeyFactory.getInstance(RSA_ALGORITHM).generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(encoded)));
        } catch (IllegalArgumentException | InvalidKeySpecException e) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "the gateway's public key is not a valid RSA key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no RSA support", e);
        }
    }

    /** A short, stable name for a public key that people can compare: SHA-256 of its encoding, first 16 bytes. */
    public static String fingerprint(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.ofDelimiter(":").formatHex(ByteBuffer.wrap(digest, 0, 16).array(), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
