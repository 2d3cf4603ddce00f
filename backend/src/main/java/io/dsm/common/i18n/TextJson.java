package io.dsm.common.i18n;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * How a {@link Text} travels as JSON. An answer to a request carries it as a sentence in the request's language
 * ({@link #rendering()}, on the application's mapper); what dsm stores to answer later (the watch's latest report and
 * history) keeps it language-neutral, as its key and arguments ({@link #storing}), so that each reader gets their own
 * language. A stored plain string (written before texts were stored so) reads back as that string, verbatim.
 */
public final class TextJson {

    private TextJson() {
    }

    /** Writes every {@code Text} as a string in the current request's language, English where there is no request. */
    public static SimpleModule rendering() {
        return new SimpleModule("dsm-text-rendering").addSerializer(Text.class, new Rendered());
    }

    /** A copy of {@code base} that writes and reads every {@code Text} as its key and arguments. */
    public static ObjectMapper storing(ObjectMapper base) {
        return base.copy().registerModule(new SimpleModule("dsm-text-storing").addSerializer(Text.class, new Stored())
                .addDeserializer(Text.class, new Restored()));
    }

    /** The text stored in a column of its own, such as a history entry's message. */
    public static String store(ObjectMapper storing, Text text) {
        try {
            return storing.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException("A text could not be written as JSON", e);
        }
    }

    /**
     * The text for a column of at most {@code limit} characters: as its key and arguments, or, when that is too long,
     * in English cut to fit (a verbatim sentence for every reader).
     */
    public static String storeWithin(ObjectMapper storing, Text text, int limit) {
        if (text == null) {
            return null;
        }
        String stored = store(storing, text);
        if (stored.length() <= limit) {
            return stored;
        }
        String english = text.english();
        return english.length() <= limit ? english : english.substring(0, limit - 1) + "…";
    }

    /** The text of a column {@link #store} wrote; anything that is not such JSON reads back verbatim. */
    public static Text restore(ObjectMapper storing, String column) {
        if (column == null) {
            return null;
        }
        if (column.startsWith("{")) {
            try {
                return storing.readValue(column, Text.class);
            } catch (IOException | IllegalArgumentException e) {
                // A plain message that happens to start with a brace, or a truncated one: shown as it is.
            }
        }
        return Text.verbatim(column);
    }

    private static final class Rendered extends StdSerializer<Text> {

        Rendered() {
            super(Text.class);
        }

        @Override
        public void serialize(Text text, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(text.render(RequestLanguage.current()));
        }
    }

    private static final class Stored extends StdSerializer<Text> {

        Stored() {
            super(Text.class);
        }

        @Override
        public void serialize(Text text, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeStartObject();
            out.writeStringField("key", text.key());
            out.writeArrayFieldStart("args");
            for (Object arg : text.args()) {
                provider.defaultSerializeValue(arg, out);
            }
            out.writeEndArray();
            out.writeEndObject();
        }
    }

    private static final class Restored extends StdDeserializer<Text> {

        Restored() {
            super(Text.class);
        }

        @Override
        public Text deserialize(JsonParser in, DeserializationContext context) throws IOException {
            return text(in.readValueAsTree());
        }

        private static Text text(JsonNode node) {
            if (node.isTextual()) {
                return Text.verbatim(node.asText());
            }
            if (!node.isObject() || !node.path("key").isTextual()) {
                throw new IllegalArgumentException("Not a stored text: " + node);
            }
            List<Object> args = new ArrayList<>();
            node.path("args").forEach(arg -> args.add(arg.isObject() ? text(arg)
                    : arg.isNumber() ? arg.numberValue() : arg.isNull() ? "" : arg.asText()));
            return new Text(node.get("key").asText(), args);
        }
    }
}
