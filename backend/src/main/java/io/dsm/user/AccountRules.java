package io.dsm.user;

/**
 * What a username and a user's password must be: the one definition that the request records'
 * constraints, their OpenAPI schema (which the console validates with) and the checks share.
 */
public final class AccountRules {

    public static final String USERNAME = "^[A-Za-z0-9._-]{1,64}$";
    public static final String USERNAME_MESSAGE = "must be 1 to 64 letters, digits, dots, hyphens or underscores";
    public static final int USERNAME_MAX = 64;
    public static final int PASSWORD_MIN = 12;
    public static final int PASSWORD_MAX = 128;
    public static final String ROLE_REQUIRED = "is required: one of ADMIN, OPERATOR, VIEWER";

    private AccountRules() {
    }
}
