package io.dsm.auth;

/** A write authenticated by the session cookie without the session's anti-forgery token: 403. */
public class CsrfRejected extends RuntimeException {

    public CsrfRejected() {
        super("This change was sent without the session's X-CSRF-Token header. Reload the console and try again.", null, false, false);
    }
}
