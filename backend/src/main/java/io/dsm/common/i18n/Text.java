package io.dsm.common.i18n;

import java.util.List;
import java.util.Locale;

/**
 * A sentence for a user, kept as a catalogue key and its arguments until the language of whoever reads
 * it is known. Domains build these; the API renders them in the request's language, and places without a
 * request (webhook, audit, logs) render them in English.
 *
 * @param key a key of {@code i18n/messages.properties}
 * @param args the values of its placeholders, in order: strings, numbers, or other {@code Text}s (rendered
 *     in the same language)
 */
public record Text(String key, List<Object> args) {

    static final String VERBATIM = "verbatim";

    public Text {
        args = List.copyOf(args);
    }

    public static Text of(String key, Object... args) {
        return new Text(key, List.of(args));
    }

    /** A sentence that is not in the catalogue, shown as it is in every language: a server's own words, or one stored before. */
    public static Text verbatim(String sentence) {
        return of(VERBATIM, sentence);
    }

    public String render(Locale locale) {
        return Catalogue.render(this, locale);
    }

    /** The text in English: for the webhook, the audit log and the logs, which no request chose a language for. */
    public String english() {
        return render(Languages.ENGLISH);
    }

    @Override
    public String toString() {
        return english();
    }
}
