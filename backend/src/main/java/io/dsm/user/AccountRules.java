package io.dsm.user;

/**
 * What a username and a user's password must be: the one definition that the request records'
 * constraints, their OpenAPI schema (which the console validates with) and the checks share.
 */
public final class AccountRules {

    public static final String USERNAME = "^[A-Za-z0-9._-]{1,64}$";
    /** Keys of ValidationMessages*.properties, which has them in each language. */
    public static final String USERNAME_MESSAGE = "{constraint.username}";
    public static final int USERNAME_MAX = 64;
    public static final int PASSWORD_MIN = 12;
    public static final int PASSWORD_MAX = 128;
    public static final String ROLE_REQUIRED = "{constraint.role.required}";

    private AccountRules() {
    }
}
