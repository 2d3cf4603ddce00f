package io.dsm.common.problem;

import java.util.Arrays;
import java.util.List;

/**
 * Every kind of problem dsm reports, each with its status, URI and title: the API's one error
 * vocabulary, whether the error comes from a resource, from signing in or from the HTTP layer.
 */
public enum ProblemType {
    VALIDATION(400, "validation", "Invalid input"),
    MALFORMED_REQUEST(400, "malformed-request", "Malformed request"),
    UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
    FORBIDDEN(403, "forbidden", "Forbidden"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    CONTENT_TOO_LARGE(413, "content-too-large", "Content too large"),
    URI_TOO_LONG(414, "uri-too-long", "URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    TOO_MANY_SIGN_INS(429, "too-many-sign-ins", "Too many requests"),
    TOO_MANY_TESTS(429, "too-many-tests", "Too many requests"),
    TOO_MANY_RECHECKS(429, "too-many-rechecks", "Too many requests"),
    HEADERS_TOO_LARGE(431, "headers-too-large", "Request header fields too large"),
    /** Any other 4xx the HTTP layer answers; the problem carries that status. */
    REQUEST_REJECTED(400, "request-rejected", "Request rejected"),
    STORE_UNAVAILABLE(503, "store-unavailable", "Service unavailable"),
    /** The store was lost while a change was being committed: it may or may not have landed. */
    OUTCOME_UNKNOWN(503, "outcome-unknown", "Service unavailable"),
    INTERNAL(500, "internal", "Internal error");

    private final int status;
    private final String uri;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.uri = "urn:dsm:problem:" + slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    public Problem problem(String detail) {
        return new Problem(uri, title, status, detail, List.of());
    }

    /**
     * The problem for an error that arrives as a bare status code (from JAX-RS or the HTTP layer):
     * the kind of that status when there is exactly one, or else REQUEST_REJECTED with the status.
     */
    public static Problem ofStatus(int status, String detail) {
        List<ProblemType> candidates = Arrays.stream(values()).filter(type -> type.status == status).toList();
        return candidates.size() == 1 ? candidates.get(0).problem(detail)
                : new Problem(REQUEST_REJECTED.uri, REQUEST_REJECTED.title, status, detail, List.of());
    }
}
