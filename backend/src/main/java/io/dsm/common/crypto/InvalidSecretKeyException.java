package io.dsm.common.crypto;

/** DSM_SECRET_KEY is not a usable key. The message never repeats the configured text. */
public class InvalidSecretKeyException extends RuntimeException {

    public InvalidSecretKeyException(String reason) {
        super("DSM_SECRET_KEY " + reason, null, false, false);
    }
}
