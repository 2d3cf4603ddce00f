package io.dsm.common.problem;

/** The kinds of problem dsm reports, each with its status, URI and title. */
public enum ProblemType {
    VALIDATION(400, "validation", "Invalid input"),
    MALFORMED_REQUEST(400, "malformed-request", "Malformed request"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    STORE_UNAVAILABLE(503, "store-unavailable", "Service unavailable"),
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
        return new Problem(uri, title, status, detail, java.util.List.of());
    }
}
