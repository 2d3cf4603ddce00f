package io.dsm.auth.service;

import io.dsm.common.i18n.Text;
import io.dsm.common.i18n.TextException;
import io.quarkus.security.AuthenticationFailedException;

/**
 * Why a sign-in or a session was refused, as the cause of Quarkus's {@link AuthenticationFailedException}: the
 * 401 answer renders it in the request's language.
 */
public class SignInRefused extends TextException {

    private SignInRefused(Text text) {
        super(text);
    }

    public static AuthenticationFailedException wrongCredentials() {
        return because("problem.sign-in.wrong");
    }

    public static AuthenticationFailedException sessionEnded() {
        return because("problem.sign-in.session-ended");
    }

    public static AuthenticationFailedException malformedBasic() {
        return because("problem.sign-in.malformed-basic");
    }

    private static AuthenticationFailedException because(String key) {
        SignInRefused refusal = new SignInRefused(Text.of(key));
        return new AuthenticationFailedException(refusal.getMessage(), refusal);
    }
}
