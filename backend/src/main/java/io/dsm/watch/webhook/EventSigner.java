package io.dsm.watch.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs events with DSM_WATCH_WEBHOOK_SECRET: {@code sha256=<hex HMAC-SHA256 of "<timestamp>.<payload>">}.
 * The timestamp is signed with the payload so that a receiver can refuse a captured request replayed
 * later; the payload is signed as the exact bytes sent.
 */
final class EventSigner {

    static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    EventSigner(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The X-Dsm-Signature header's value. */
    String signature(long timestampSeconds, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(payload));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "EventSigner[HmacSHA256]";
    }
}
