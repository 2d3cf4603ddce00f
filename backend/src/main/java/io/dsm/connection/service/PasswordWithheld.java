package io.dsm.connection.service;

import java.sql.SQLException;

/**
 * A connection attempt that ended because dsm did not send the password: the server asked for it in
 * cleartext and TLS did not verify the server ({@link CredentialGate}). It is raised in the
 * application's own class loader, so that {@link ConnectFailures} can tell it from the server's errors.
 */
final class PasswordWithheld extends SQLException {

    /** Invalid authorization specification, as the server would say; not 08, so no one mistakes it for a lost connection. */
    private static final String INVALID_AUTHORIZATION = "28000";

    PasswordWithheld(SQLException attempt) {
        super(PasswordMethods.CLEARTEXT_WITHHELD.english(), INVALID_AUTHORIZATION, attempt);
    }
}
