package io.dsm.user.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.dsm.common.problem.ProblemException;
import io.dsm.common.problem.Violation;
import io.dsm.user.AccountRules;

/** What a user's password must be. Messages name the rule, never the value. */
public final class PasswordRules {

    private PasswordRules() {
    }

    public static void checkPassword(String field, String password, String username, List<Violation> violations) {
        if (password == null || password.isEmpty()) {
            violations.add(new Violation(field, "is required"));
        } else if (password.length() < AccountRules.PASSWORD_MIN || password.length() > AccountRules.PASSWORD_MAX) {
            violations.add(new Violation(field, "must be " + AccountRules.PASSWORD_MIN + " to " + AccountRules.PASSWORD_MAX
                    + " characters long"));
        } else if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            violations.add(new Violation(field, "must not contain the username"));
        }
    }

    public static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    public static List<Violation> none() {
        return new ArrayList<>();
    }
}
