package io.dsm.common.validation;

import java.util.UUID;

import io.dsm.common.problem.ProblemException;

/**
 * Ids sent as text. One that is not a UUID is bad input naming where it was sent, the same answer
 * whether it came in the path ({@code /api/datasources/abc}) or in a query parameter.
 */
public final class Ids {

    /** The catalogue key of the violation. */
    public static final String NOT_A_UUID = "violation.uuid";

    private Ids() {
    }

    /** @throws ProblemException (400) naming {@code name} when {@code value} is not a UUID */
    public static UUID parse(String name, String value) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, NOT_A_UUID);
        }
    }
}
