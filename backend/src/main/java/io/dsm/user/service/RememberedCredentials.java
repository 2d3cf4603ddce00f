package io.dsm.user.service;

/**
 * What sign-in remembers of a user's password, which must not outlive a change to the user. The
 * user domain owns this port and the auth domain implements it, so users never reach into sign-in.
 */
public interface RememberedCredentials {

    /** The user's password or role changed, or the user is gone: this instance forgets what it remembered. */
    void forget(String username);
}
