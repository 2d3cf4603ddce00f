package io.dsm.connection.service;

import java.util.Optional;

import io.dsm.common.crypto.Secret;

/** Server text made fit to show: without the password, and short. */
final class ServerText {

    private static final int MAX = 300;
    private final Optional<Secret> password;

    ServerText(Optional<Secret> password) {
        this.password = password;
    }

    String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String text = raw;
        if (password.isPresent() && !password.get().isEmpty()) {
            text = text.replace(password.get().reveal(), "[redacted]");
        }
        text = text.replaceAll("\\s+", " ").trim();
        return text.length() > MAX ? text.substring(0, MAX) + "..." : text;
    }

    /** An identifier as it must be written in SQL, for hints a person copies. */
    String identifier(String name) {
        return name.matches("[a-z_][a-z0-9_$]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
