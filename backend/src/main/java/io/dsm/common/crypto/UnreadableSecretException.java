package io.dsm.common.crypto;

/** A stored password cannot be decrypted with the current key. */
public class UnreadableSecretException extends RuntimeException {

    public UnreadableSecretException(String reason) {
        super(reason, null, false, false);
    }
}
