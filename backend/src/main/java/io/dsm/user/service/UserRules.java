package io.dsm.user.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Singleton;
import jakarta.validation.Validator;

import io.dsm.common.problem.ProblemException;
import io.dsm.common.problem.Violation;
import io.dsm.common.problem.Violations;
import io.dsm.user.api.UserInput;

/**
 * Checks a user as a whole, as DataSourceRules checks a data source: the field constraints declared
 * on {@link UserInput} and the rules between fields. Every violation is reported at once.
 */
@Singleton
public class UserRules {

    /** What the user is checked for: a new user needs a username and a password, a change a version. */
    public enum Purpose {
        CREATE, UPDATE
    }

    private final Validator validator;

    public UserRules(Validator validator) {
        this.validator = validator;
    }

    /**
     * @param username the user's name: the one sent on create, the stored one on update
     * @throws ProblemException (400) naming every invalid field
     */
    public void check(UserInput input, Purpose purpose, String username) {
        List<Violation> violations = new ArrayList<>(Violations.from(validator.validate(input)));
        if (purpose == Purpose.UPDATE) {
            violations.removeIf(v -> v.field().equals("username"));
            if (input.version() == null) {
                violations.add(Violation.of("version", "violation.version.required"));
            }
        } else if (input.username() == null || input.username().isBlank()) {
            violations.removeIf(v -> v.field().equals("username"));
            violations.add(Violation.of("username", "constraint.required"));
        }
        if (purpose == Purpose.CREATE || input.password() != null) {
            PasswordRules.checkPassword("password", input.password() == null ? null : input.password().reveal(), username,
                    violations);
        }
        Violations.throwIfAny(violations);
    }
}
