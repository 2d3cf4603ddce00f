package io.dsm.common.validation;

import io.dsm.common.i18n.Text;
import io.dsm.common.problem.ProblemException;

/** The one rule for a request that must carry a body and came without one. */
public final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * @param what the catalogue key of what the body holds, for the message ("body.data-source")
     * @throws ProblemException (400) naming the field {@code body} when there is none
     */
    public static <T> T required(T body, String what) {
        if (body == null) {
            throw ProblemException.invalid("body", "violation.body.required", Text.of(what));
        }
        return body;
    }
}
