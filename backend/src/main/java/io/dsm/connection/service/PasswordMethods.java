package io.dsm.connection.service;

import java.util.Optional;

import org.postgresql.plugin.AuthenticationRequestType;

import io.dsm.connection.CheckName;

/**
 * What the AUTHENTICATION check says about the way the server asked for the password (its pg_hba.conf
 * method): cleartext, which dsm sends only to a server TLS verified ({@link CredentialGate}), and MD5,
 * which works but deserves a warning. SCRAM, the default since PostgreSQL 14, needs no words.
 */
final class PasswordMethods {

    static final String CLEARTEXT_WITHHELD = "The server asked for the password in cleartext (pg_hba method `password`), "
            + "and TLS did not verify the server's identity, so dsm did not send the password.";
    static final String CLEARTEXT_FIX = "Use scram-sha-256 for this user in the server's pg_hba.conf, or choose TLS mode "
            + "verify-full, or verify-ca with the server's CA certificate: dsm sends a password in cleartext only to a server "
            + "it has verified.";

    private PasswordMethods() {
    }

    static Failure cleartextWithheld() {
        return new Failure(CheckName.AUTHENTICATION, CLEARTEXT_WITHHELD, CLEARTEXT_FIX, null);
    }

    /** The passed check after sign-in, a warning when the server asked for an MD5 password. */
    static CheckResult signedIn(ConnectionSpec spec, Optional<AuthenticationRequestType> askedFor) {
        String signedIn = "User " + ConnectFailures.quoted(spec.username()) + " signed in";
        if (askedFor.orElse(null) == AuthenticationRequestType.MD5_PASSWORD) {
            return CheckResult.warning(signedIn + ", but the server asked for an MD5 password (pg_hba method `md5` and a "
                    + "password stored as MD5). MD5 is deprecated, and a stolen MD5 hash signs in like the password.",
                    "Use SCRAM: SET password_encryption = 'scram-sha-256', set the user's password again, and use "
                            + "scram-sha-256 in pg_hba.conf.");
        }
        return CheckResult.passed(signedIn + ".");
    }
}
