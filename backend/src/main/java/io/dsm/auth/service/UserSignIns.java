package io.dsm.auth.service;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dsm.user.service.SignIns;

/** Sign-in's side of the user domain's {@link SignIns} port: remembered credentials and console sessions. */
@ApplicationScoped
public class UserSignIns implements SignIns {

    private final Credentials credentials;
    private final Sessions sessions;

    public UserSignIns(Credentials credentials, Sessions sessions) {
        this.credentials = credentials;
        this.sessions = sessions;
    }

    @Override
    public void forget(String username) {
        credentials.forget(username);
    }

    @Override
    public void endSessions(UUID userId, Optional<String> exceptSessionToken) {
        sessions.endAllOf(userId, exceptSessionToken);
    }
}
