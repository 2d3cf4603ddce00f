package io.dsm.common.problem;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import io.dsm.common.i18n.Text;

/** Converts Bean Validation results into violations that name the JSON field a client sent. */
public final class Violations {

    /** A template that is only one of dsm's own constraint messages, such as {@code {constraint.port}}. */
    private static final Pattern OWN_MESSAGE = Pattern.compile("^\\{(constraint\\.[a-z.-]+)}$");

    private Violations() {
    }

    /**
     * dsm's own constraint messages stay keys, rendered in the language of whoever reads them (a provisioning file is
     * validated without a request); any other message Hibernate Validator has already written in the request's
     * language (quarkus.locales), so it is passed on as it is.
     */
    public static List<Violation> from(Collection<? extends ConstraintViolation<?>> constraintViolations) {
        return constraintViolations.stream()
                .map(v -> new Violation(fieldOf(v.getPropertyPath()), message(v)))
                .distinct()
                .sorted(Comparator.comparing(Violation::field).thenComparing(v -> v.message().english()))
                .toList();
    }

    private static Text message(ConstraintViolation<?> violation) {
        Matcher own = OWN_MESSAGE.matcher(violation.getMessageTemplate());
        return own.matches() ? Text.of(own.group(1)) : Text.of("text.verbatim", violation.getMessage());
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
