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
            violations.add(Violation.of(field, "constraint.required"));
        } else if (password.length() < AccountRules.PASSWORD_MIN || password.length() > AccountRules.PASSWORD_MAX) {
            violations.add(Violation.of(field, "violation.password.length", AccountRules.PASSWORD_MIN, AccountRules.PASSWORD_MAX));
        } else if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            violations.add(Violation.of(field, "violation.password.contains-username"));
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
