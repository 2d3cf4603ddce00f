package io.dsm.common.i18n;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;

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
        // Not List.copyOf: an argument may be null (an absent identifier), written "null" as string concatenation would.
        args = Collections.unmodifiableList(new ArrayList<>(args));
    }

    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.asList(args));
    }

    /**
     * A text as stored in JSON (a provisioning file's errors): {@code {"key": ..., "args": [...]}}, nested texts as
     * objects; a plain string, from before sentences were stored as keys, is kept as it was written.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Text stored(JsonNode json) {
        if (!json.isObject()) {
            return of("text.verbatim", json.asText());
        }
        List<Object> args = new ArrayList<>();
        json.path("args").forEach(arg -> args.add(arg.isObject() ? stored(arg) : arg.isNumber() ? arg.numberValue() : arg.asText()));
        return new Text(json.path("key").asText(), args);
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
