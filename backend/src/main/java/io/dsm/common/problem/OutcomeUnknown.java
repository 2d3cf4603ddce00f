package io.dsm.common.problem;

import java.util.function.Supplier;

import jakarta.ws.rs.core.Response;

/**
 * A change whose commit was cut off when dsm's store stopped answering: it may or may not have
 * landed, and only a read tells. The answer says so, what to look up, and when to retry, instead of
 * guessing either way.
 */
public final class OutcomeUnknown extends RuntimeException {

    static final String RETRY_AFTER_SECONDS = "5";

    private final String subject;
    private final String lookUp;

    private OutcomeUnknown(String subject, String lookUp) {
        super(subject, null, false, false);
        this.subject = subject;
        this.lookUp = lookUp;
    }

    /**
     * Runs {@code write}; if the store is lost while its transaction commits, the answer names
     * {@code subject} and the request that shows whether it landed ({@code lookUp}).
     */
    public static <T> T naming(String subject, String lookUp, Supplier<T> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (StoreUnavailable.detect(e).filter(StoreUnavailable.StoreFailure::duringCommit).isPresent()) {
                throw new OutcomeUnknown(subject, lookUp);
            }
            throw e;
        }
    }

    static Response response(String subject, String lookUp) {
        String detail = "dsm's own database stopped answering while it was saving " + subject
                + ", so the outcome is unknown. Look it up with " + lookUp
                + " before you retry: a retried create answers 409 if the first one was saved.";
        return Response.fromResponse(ProblemResponses.of(ProblemType.OUTCOME_UNKNOWN, detail))
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    Response response() {
        return response(subject, lookUp);
    }
}
