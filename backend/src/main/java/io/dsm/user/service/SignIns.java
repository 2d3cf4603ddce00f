package io.dsm.user.service;

import java.util.Optional;
import java.util.UUID;

/**
 * What signing in keeps about a user, which must not outlive a change to the user. The user
 * domain owns this port and the auth domain implements it, so users never reach into sign-in.
 */
public interface SignIns {

    /** The user's password or role changed, or the user is gone: this instance forgets what it remembered. */
    void forget(String username);

    /** Signs the user out everywhere but in the given session (after a password change), or everywhere. */
    void endSessions(UUID userId, Optional<String> exceptSessionToken);
}
