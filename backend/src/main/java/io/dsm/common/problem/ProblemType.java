package io.dsm.common.problem;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.dsm.common.i18n.Text;

/**
 * Every kind of problem dsm reports, each with its status, URI and title: the API's one error
 * vocabulary, whether the error comes from a resource, from signing in or from the HTTP layer. The URI never
 * changes with the language; the title is the catalogue's {@code problem.title.<slug>}.
 */
public enum ProblemType {
    VALIDATION(400, "validation"),
    MALFORMED_REQUEST(400, "malformed-request"),
    UNAUTHORIZED(401, "unauthorized"),
    FORBIDDEN(403, "forbidden"),
    NOT_FOUND(404, "not-found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable"),
    CONFLICT(409, "conflict"),
    CONTENT_TOO_LARGE(413, "content-too-large"),
    URI_TOO_LONG(414, "uri-too-long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type"),
    TOO_MANY_SIGN_INS(429, "too-many-sign-ins"),
    TOO_MANY_TESTS(429, "too-many-tests"),
    TOO_MANY_RECHECKS(429, "too-many-rechecks"),
    HEADERS_TOO_LARGE(431, "headers-too-large"),
    /** Any other 4xx the HTTP layer answers; the problem carries that status. */
    REQUEST_REJECTED(400, "request-rejected"),
    STORE_UNAVAILABLE(503, "store-unavailable"),
    /** The store was lost while a change was being committed: it may or may not have landed. */
    OUTCOME_UNKNOWN(503, "outcome-unknown"),
    INTERNAL(500, "internal");

    private final int status;
    private final String uri;
    private final Text title;

    ProblemType(int status, String slug) {
        this.status = status;
        this.uri = "urn:dsm:problem:" + slug;
        this.title = Text.of("problem.title." + slug);
    }

    public int status() {
        return status;
    }

    public String uri() {
        return uri;
    }

    public Text title() {
        return title;
    }

    public Problem problem(Text detail, Locale language) {
        return new Problem(uri, title.render(language), status, detail.render(language), List.of());
    }

    /**
     * The problem for an error that arrives as a bare status code (from JAX-RS or the HTTP layer):
     * the kind of that status when there is exactly one, or else REQUEST_REJECTED with the status.
     */
    public static Problem ofStatus(int status, Text detail, Locale language) {
        List<ProblemType> candidates = Arrays.stream(values()).filter(type -> type.status == status).toList();
        return candidates.size() == 1 ? candidates.get(0).problem(detail, language)
                : new Problem(REQUEST_REJECTED.uri, REQUEST_REJECTED.title.render(language), status, detail.render(language),
                        List.of());
    }
}
