package io.dsm.connection.service;

import java.util.Optional;

import org.postgresql.plugin.AuthenticationRequestType;

import io.dsm.common.i18n.Text;
import io.dsm.connection.CheckName;

/**
 * What the AUTHENTICATION check says about the way the server asked for the password (its pg_hba.conf
 * method): cleartext, which dsm sends only to a server TLS verified ({@link CredentialGate}), and MD5,
 * which works but deserves a warning. SCRAM, the default since PostgreSQL 14, needs no words.
 */
final class PasswordMethods {

    static final Text CLEARTEXT_WITHHELD = Text.of("check.authentication.cleartext-withheld");
    static final Text CLEARTEXT_FIX = Text.of("check.authentication.cleartext-withheld.hint");

    private PasswordMethods() {
    }

    static Failure cleartextWithheld() {
        return Failure.of(CheckName.AUTHENTICATION, CLEARTEXT_WITHHELD, CLEARTEXT_FIX);
    }

    /** The passed check after sign-in, a warning when the server asked for an MD5 password. */
    static CheckResult signedIn(ConnectionSpec spec, Optional<AuthenticationRequestType> askedFor) {
        if (askedFor.orElse(null) == AuthenticationRequestType.MD5_PASSWORD) {
            return CheckResult.warning(Text.of("check.authentication.md5", spec.username()), Text.of("check.authentication.md5.hint"));
        }
        return CheckResult.passed(Text.of("check.authentication.signed-in", spec.username()));
    }
}
