package io.dsm.user.service;

import java.util.Optional;
import java.util.UUID;

/** A user's console sessions, as the user domain ends them; a port that the auth domain implements. */
public interface UserSessions {

    /** Signs the user out everywhere but in the given session (after a password change), or everywhere. */
    void endAllOf(UUID userId, Optional<String> exceptSessionToken);
}
