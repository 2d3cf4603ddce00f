package io.dsm.common.problem;

import jakarta.ws.rs.core.Response;

/** Builds problem+json responses. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public static Response of(ProblemType type, String detail) {
        return of(type.problem(detail));
    }

    /** A 429 that tells the client how many seconds to wait before it tries again. */
    public static Response retryLater(ProblemType type, String detail, long retryAfterSeconds) {
        return Response.fromResponse(of(type, detail)).header("Retry-After", String.valueOf(retryAfterSeconds)).build();
    }
}
