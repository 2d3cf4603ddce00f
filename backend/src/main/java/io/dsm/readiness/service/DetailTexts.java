package io.dsm.readiness.service;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.dsm.common.i18n.Text;
import io.dsm.common.i18n.Words;

/**
 * An object's detail as the catalog queries write it: language-neutral, a catalogue key ({@code detail.*}) and its
 * values as JSON, so that the API renders it in the reader's language. Only the listed objects (at most
 * {@link Finding#MAX_OBJECTS} per list) pay for building it, as they paid for the English words before.
 *
 * <p>The JSON is {@code {"key": k, "args": [...]}}; an array of those (NULLs left out) is several details of one object,
 * written one after another; an argument that is an array is a list ("a, b, c").
 */
final class DetailTexts {

    private DetailTexts() {
    }

    /** SQL for one detail: {@code key} with the values of SQL expressions {@code args} (NULL stays NULL in the text). */
    static String sql(String key, String... args) {
        return args.length == 0 ? "json_build_object('key', '" + key + "')"
                : "json_build_object('key', '" + key + "', 'args', json_build_array(" + String.join(", ", args) + "))";
    }

    /** SQL for several details of one object, any of them NULL: no detail when all are. */
    static String sqlParts(String... parts) {
        return "json_build_array(" + String.join(", ", parts) + ")";
    }

    static Text read(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return Text.verbatim(node.asText());
        }
        if (node.isArray()) {
            List<Text> parts = texts(node);
            return parts.isEmpty() ? null : Words.sentences(parts);
        }
        List<Object> args = new ArrayList<>();
        node.path("args").forEach(arg -> args.add(arg.isArray() ? list(texts(arg)) : arg.isObject() ? read(arg)
                : arg.isNumber() ? arg.numberValue() : arg.isNull() ? null : arg.asText()));
        return new Text(node.path("key").asText(), args);
    }

    private static Text list(List<Text> items) {
        return items.isEmpty() ? null : Words.list(items);
    }

    private static List<Text> texts(JsonNode array) {
        List<Text> texts = new ArrayList<>();
        array.forEach(element -> {
            Text text = read(element);
            if (text != null) {
                texts.add(text);
            }
        });
        return texts;
    }
}
