package io.dsm.common.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.dsm.common.i18n.Text;

/**
 * AES-256-GCM for stored passwords. A sealed value reads {@code v1.<key fingerprint>.<base64 of
 * nonce and ciphertext>}: the fingerprint says which key sealed it, so a value sealed under another
 * key is reported as such instead of failing as corrupt, and a key rotation can find what is left.
 * The record's id is bound in as associated data, so a sealed value cannot be moved to another row.
 */
public final class SecretCipher {

    public static final int KEY_BYTES = 32;
    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String fingerprint;
    /** Keys of earlier rotations by fingerprint: read, never written. */
    private final Map<String, SecretKeySpec> previous;

    private SecretCipher(byte[] key, Map<String, SecretKeySpec> previous) {
        this.key = new SecretKeySpec(key, "AES");
        this.fingerprint = fingerprintOf(key);
        this.previous = Map.copyOf(previous);
    }

    /**
     * This cipher, also able to read what the given earlier keys sealed.
     *
     * @throws InvalidSecretKeyException when one of them is not base64 of 32 bytes
     */
    public SecretCipher readingAlso(List<String> previousBase64Keys) {
        Map<String, SecretKeySpec> keys = new HashMap<>(previous);
        for (String base64 : previousBase64Keys) {
            byte[] bytes = decode(base64);
            String print = fingerprintOf(bytes);
            if (!print.equals(fingerprint)) {
                keys.put(print, new SecretKeySpec(bytes, "AES"));
            }
        }
        return new SecretCipher(key.getEncoded(), keys);
    }

    /** Whether this cipher has the key a value was sealed under (the current one or a previous one). */
    public boolean hasKey(String fingerprint) {
        return this.fingerprint.equals(fingerprint) || previous.containsKey(fingerprint);
    }

    /** Whether a sealed value was sealed under another key than the one dsm writes with now. */
    public boolean sealedWithOtherKey(String sealed) {
        return !sealedWith(sealed).equals(fingerprint);
    }

    /**
     * @throws InvalidSecretKeyException when the text is not base64 of exactly 32 bytes; the message
     *                                   never repeats the text
     */
    public static SecretCipher fromBase64(String base64Key) {
        return new SecretCipher(decode(base64Key), Map.of());
    }

    private static byte[] decode(String base64Key) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidSecretKeyException("is not valid base64");
        }
        if (key.length != KEY_BYTES) {
            throw new InvalidSecretKeyException("decodes to " + key.length + " bytes; it must be " + KEY_BYTES
                    + " bytes (make one with: openssl rand -base64 32)");
        }
        return key;
    }

    public static String generateBase64Key() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** A short, non-secret name of this key. */
    public String fingerprint() {
        return fingerprint;
    }

    public String seal(Secret secret, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, associatedData);
            byte[] encrypted = cipher.doFinal(secret.reveal().getBytes(StandardCharsets.UTF_8));
            byte[] payload = new byte[NONCE_BYTES + encrypted.length];
            System.arraycopy(nonce, 0, payload, 0, NONCE_BYTES);
            System.arraycopy(encrypted, 0, payload, NONCE_BYTES, encrypted.length);
            return VERSION + "." + fingerprint + "." + Base64.getEncoder().withoutPadding().encodeToString(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * @throws UnreadableSecretException when the value was sealed under another key or is damaged;
     *                                   the message names the fingerprints, never the value
     */
    public Secret open(String sealed, String associatedData) {
        String[] parts = sealed.split("\\.", 3);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw new UnreadableSecretException(Text.of("secret.unreadable.format"));
        }
        SecretKeySpec sealedWith = parts[1].equals(fingerprint) ? key : previous.get(parts[1]);
        if (sealedWith == null) {
            throw new UnreadableSecretException(Text.of("secret.unreadable.key", parts[1], fingerprint));
        }
        try {
            byte[] payload = Base64.getDecoder().decode(parts[2]);
            byte[] nonce = java.util.Arrays.copyOfRange(payload, 0, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, sealedWith, nonce, associatedData);
            byte[] clear = cipher.doFinal(payload, NONCE_BYTES, payload.length - NONCE_BYTES);
            return Secret.of(new String(clear, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new UnreadableSecretException(Text.of("secret.unreadable.damaged"));
        }
    }

    /** The fingerprint of the key that sealed {@code sealed}, or an empty string if it is not a sealed value. */
    public static String sealedWith(String sealed) {
        String[] parts = sealed.split("\\.", 3);
        return parts.length == 3 ? parts[1] : "";
    }

    private static Cipher cipher(int mode, SecretKeySpec key, byte[] nonce, String associatedData)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static String fingerprintOf(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("dsm-secret-key-fingerprint".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(key), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
