package io.dsm.connection.service;

import jakarta.inject.Singleton;

import io.dsm.common.crypto.Secret;
import io.dsm.common.i18n.Text;
import io.dsm.common.secrets.SecretReferences;
import io.dsm.connection.service.ConnectionSpecs.Password;

/** The password a test uses, typed or read from its reference at this moment. */
@Singleton
public class PasswordSources {

    private final SecretReferences references;

    public PasswordSources(SecretReferences references) {
        this.references = references;
    }

    Password referenced(String reference) {
        SecretReferences.Resolved resolved = references.resolve(reference);
        return resolved.secret().map(Password::of)
                .orElseGet(() -> Password.unusable(Text.of("secret.referenced-unreadable", reference,
                        resolved.problem().orElse(Text.of("secret.unknown-reason")))));
    }

    /** The typed password, else the referenced one, else null (none given). */
    Password of(Secret typed, String reference) {
        if (reference != null) {
            return referenced(reference);
        }
        return typed == null ? null : Password.of(typed);
    }
}
