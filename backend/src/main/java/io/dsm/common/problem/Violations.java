package io.dsm.common.problem;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/** Converts Bean Validation results into violations that name the JSON field a client sent. */
public final class Violations {

    private Violations() {
    }

    public static List<Violation> from(Collection<? extends ConstraintViolation<?>> constraintViolations) {
        return constraintViolations.stream()
                .map(v -> new Violation(fieldOf(v.getPropertyPath()), v.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                .toList();
    }

    /** @throws ProblemException (400) naming each field once, in the order of their names, if there is any violation */
    public static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations.stream().distinct()
                    .sorted(Comparator.comparing(Violation::field)).toList());
        }
    }

    /** The property path below the method and its parameter, or the parameter's name for a query parameter. */
    static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter == null ? "body" : parameter;
    }
}
