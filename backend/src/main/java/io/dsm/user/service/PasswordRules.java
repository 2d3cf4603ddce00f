package io.dsm.user.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.dsm.common.problem.ProblemException;
import io.dsm.common.problem.Violation;

/** What a username and a password must be. Messages name the rule, never the value. */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    public static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");

    private PasswordRules() {
    }

    public static void checkUsername(String username, List<Violation> violations) {
        if (username == null || username.isBlank()) {
            violations.add(new Violation("username", "is required"));
        } else if (!USERNAME.matcher(username).matches()) {
            violations.add(new Violation("username", "must be 1 to 64 letters, digits, dots, hyphens or underscores"));
        }
    }

    public static void checkPassword(String field, String password, String username, List<Violation> violations) {
        if (password == null || password.isEmpty()) {
            violations.add(new Violation(field, "is required"));
        } else if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            violations.add(new Violation(field, "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long"));
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
