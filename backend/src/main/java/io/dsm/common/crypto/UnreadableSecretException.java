package io.dsm.common.crypto;

import io.dsm.common.i18n.Text;
import io.dsm.common.i18n.TextException;

/** A stored password cannot be decrypted with the current key. */
public class UnreadableSecretException extends TextException {

    public UnreadableSecretException(Text reason) {
        super(reason);
    }
}
