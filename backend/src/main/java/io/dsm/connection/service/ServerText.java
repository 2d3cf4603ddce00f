package io.dsm.connection.service;

import java.util.Optional;

import io.dsm.common.crypto.Secret;
import io.dsm.common.jdbc.SqlIdentifiers;

/** Server text made fit to show: without the password, and short. */
final class ServerText {

    private static final int MAX = 300;
    private final Optional<Secret> password;

    ServerText(Optional<Secret> password) {
        this.password = password;
    }

    /**
     * The server's text, or a placeholder when it contains the password anywhere. Cutting the
     * password out would mangle the text and show where its characters occur, so the whole text is
     * withheld instead (servers do not echo passwords; this is the guard for when one does).
     */
    String clean(String raw) {
        if (raw == null) {
            return "";
        }
        if (password.isPresent() && !password.get().isEmpty() && raw.contains(password.get().reveal())) {
            return "(the server's message is withheld because it contains the password)";
        }
        String text = raw.replaceAll("\\s+", " ").trim();
        return text.length() > MAX ? text.substring(0, MAX) + "..." : text;
    }

    /** An identifier as it must be written in SQL, for hints a person copies. */
    String identifier(String name) {
        return SqlIdentifiers.quote(name);
    }
}
