package io.dsm.common.problem;

import java.util.Locale;

import io.dsm.common.i18n.Text;

/**
 * One rejected input value, named by its JSON path (for example {@code standby.port}), and why, as a sentence
 * rendered in the reader's language when the answer is written ({@link RejectedField}).
 */
public record Violation(String field, Text message) {

    public static Violation of(String field, String key, Object... args) {
        return new Violation(field, Text.of(key, args));
    }

    public RejectedField in(Locale language) {
        return new RejectedField(field, message.render(language));
    }
}
