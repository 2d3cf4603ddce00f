package io.dsm.common.problem;

import java.util.List;
import java.util.Locale;

import io.dsm.common.i18n.Text;

/**
 * An expected failure that the API answers with a problem body, in the request's language. Messages are
 * written for the client and never carry secrets; {@link #getMessage()} is the English detail, for logs.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final transient Text detail;
    private final transient List<Violation> violations;

    public ProblemException(ProblemType type, Text detail, List<Violation> violations) {
        super(null, null, false, false);
        this.type = type;
        this.detail = detail;
        this.violations = List.copyOf(violations);
    }

    public static ProblemException invalid(List<Violation> violations) {
        Text detail = violations.size() == 1
                ? Text.of("problem.validation.one", violations.get(0).field(), violations.get(0).message())
                : Text.of("problem.validation.many", violations.size());
        return new ProblemException(ProblemType.VALIDATION, detail, violations);
    }

    public static ProblemException invalid(String field, String key, Object... args) {
        return invalid(List.of(Violation.of(field, key, args)));
    }

    public static ProblemException notFound(String key, Object... args) {
        return new ProblemException(ProblemType.NOT_FOUND, Text.of(key, args), List.of());
    }

    public static ProblemException conflict(Text detail, List<Violation> violations) {
        return new ProblemException(ProblemType.CONFLICT, detail, violations);
    }

    public Text detail() {
        return detail;
    }

    /** The rejected fields, with their reasons still unrendered: provisioning files report them in their own words. */
    public List<Violation> violations() {
        return violations;
    }

    @Override
    public String getMessage() {
        return detail.english();
    }

    public Problem toProblem(Locale language) {
        return new Problem(type.uri(), type.title().render(language), type.status(), detail.render(language),
                violations.stream().map(violation -> violation.in(language)).toList());
    }
}
