package io.dsm.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A console request that carries a session cookie. */
public class SessionAuthenticationRequest extends BaseAuthenticationRequest {

    private final String token;

    public SessionAuthenticationRequest(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }
}
