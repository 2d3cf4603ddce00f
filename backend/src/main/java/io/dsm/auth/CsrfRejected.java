package io.dsm.auth;

import io.dsm.common.i18n.Text;
import io.dsm.common.i18n.TextException;

/** A write authenticated by the session cookie without the session's anti-forgery token: 403. */
public class CsrfRejected extends TextException {

    public CsrfRejected() {
        super(Text.of("problem.csrf"));
    }
}
