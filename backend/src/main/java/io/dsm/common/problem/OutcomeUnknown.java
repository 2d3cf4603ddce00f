package io.dsm.common.problem;

import java.util.Locale;
import java.util.function.Supplier;

import jakarta.ws.rs.core.Response;

import io.dsm.common.i18n.Text;

/**
 * A change whose commit was cut off when dsm's store stopped answering: it may or may not have
 * landed, and only a read tells. The answer says so, what to look up, and when to retry, instead of
 * guessing either way.
 */
public final class OutcomeUnknown extends RuntimeException {

    static final String RETRY_AFTER_SECONDS = "5";

    private final transient Text subject;
    private final String lookUp;

    private OutcomeUnknown(Text subject, String lookUp) {
        super(subject.english(), null, false, false);
        this.subject = subject;
        this.lookUp = lookUp;
    }

    /**
     * Runs {@code write}; if the store is lost while its transaction commits, the answer names
     * {@code subject} and the request that shows whether it landed ({@code lookUp}).
     */
    public static <T> T naming(Text subject, String lookUp, Supplier<T> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (StoreUnavailable.detect(e).filter(StoreUnavailable.StoreFailure::duringCommit).isPresent()) {
                throw new OutcomeUnknown(subject, lookUp);
            }
            throw e;
        }
    }

    static Response response(Text subject, String lookUp, Locale language) {
        Text detail = Text.of("problem.outcome-unknown", subject, lookUp);
        return Response.fromResponse(ProblemResponses.of(ProblemType.OUTCOME_UNKNOWN, detail, language))
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    Response response(Locale language) {
        return response(subject, lookUp, language);
    }
}
