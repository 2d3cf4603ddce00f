package io.dsm.user.service;

/**
 * Checks the current password that a signed-in user gives to change it. Guessing it must cost as
 * much as guessing at sign-in, so the auth domain implements this port with its throttle and audit;
 * the user domain never reaches into sign-in.
 */
public interface CurrentPasswordCheck {

    /**
     * Whether the password is the user's current one; a wrong one counts and is audited as a failed sign-in.
     *
     * @throws RuntimeException answered 429, before any hash is computed, while the user or the address is throttled
     */
    boolean isCurrent(String username, String password, String passwordHash);
}
