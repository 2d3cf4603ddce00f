package io.dsm.common.problem;

import java.util.Locale;

import jakarta.ws.rs.core.Response;

import io.dsm.common.i18n.Text;

/** Builds problem+json responses, in the language of the request they answer. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public static Response of(ProblemType type, Text detail, Locale language) {
        return of(type.problem(detail, language));
    }

    /** A 429 that tells the client how many seconds to wait before it tries again. */
    /** 429 with the refusal's problem type and its Retry-After. */
    public static Response retryLater(RetryLater refusal, Locale language) {
        return Response.fromResponse(of(refusal.type(), refusal.text(), language))
                .header("Retry-After", String.valueOf(refusal.retryAfterSeconds())).build();
    }
}
