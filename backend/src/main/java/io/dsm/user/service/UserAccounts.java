package io.dsm.user.service;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dsm.common.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** The users as sign-in sees them: the port through which other domains read users, never their repository. */
@ApplicationScoped
public class UserAccounts {

    /** A user with what checking their password needs. */
    public record Account(UUID id, String username, Role role, String passwordHash) {
    }

    private final UserRepository users;

    public UserAccounts(UserRepository users) {
        this.users = users;
    }

    /** Read in a transaction of its own: sign-in runs before, and apart from, any work of the request. */
    public Optional<Account> byUsername(String username) {
        return QuarkusTransaction.requiringNew().call(() -> users.findByUsername(username)
                .map(user -> new Account(user.id, user.username, user.role, user.passwordHash)));
    }
}
