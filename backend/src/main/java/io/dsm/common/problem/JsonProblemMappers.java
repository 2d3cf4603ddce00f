package io.dsm.common.problem;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.dsm.common.i18n.RequestLanguage;
import io.dsm.common.i18n.Text;

/**
 * Answers request bodies that are not valid JSON for the resource. The messages are composed here
 * from the field path and the expected type: Jackson's own text can echo the rejected value, and a
 * rejected value may be a password.
 */
public class JsonProblemMappers {

    /** The catalogue's sentence for a value that is not of the field's type. */
    private static final Map<Class<?>, String> TYPE_KEYS = Map.of(
            Integer.class, "violation.json.integer", int.class, "violation.json.integer",
            Long.class, "violation.json.integer", long.class, "violation.json.integer",
            Boolean.class, "violation.json.boolean", boolean.class, "violation.json.boolean",
            String.class, "violation.json.string");

    @Inject
    RequestLanguage language;

    // Mappers are chosen by the most specific exception class, and Quarkus maps MismatchedInputException
    // itself, so that kind is named here; every other kind reaches the JsonProcessingException mapper.

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return respond(e, language.locale());
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e) {
        return respond(e, language.locale());
    }

    static Response respond(JsonProcessingException e, Locale language) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return invalid(JsonPaths.of(unknown.getPath()), Text.of("violation.json.unknown-field"), language);
        }
        if (e instanceof InvalidFormatException format) {
            return invalid(JsonPaths.of(format.getPath()), expectation(format.getTargetType()), language);
        }
        if (e instanceof ValueInstantiationException instantiation) {
            return invalid(JsonPaths.of(instantiation.getPath()), expectation(instantiation.getType().getRawClass()), language);
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return invalid(JsonPaths.of(mismatch.getPath()), expectation(mismatch.getTargetType()), language);
        }
        if (e instanceof MismatchedInputException) {
            return ProblemResponses.of(ProblemType.MALFORMED_REQUEST, Text.of("problem.json.not-an-object"), language);
        }
        var location = e.getLocation();
        Text detail = location == null ? Text.of("problem.json.invalid")
                : Text.of("problem.json.invalid-at", location.getLineNr(), location.getColumnNr());
        return ProblemResponses.of(ProblemType.MALFORMED_REQUEST, detail, language);
    }

    private static Response invalid(String field, Text message, Locale language) {
        return ProblemResponses.of(ProblemException.invalid(List.of(new Violation(field, message))).toProblem(language));
    }

    private static Text expectation(Class<?> type) {
        if (type == null) {
            return Text.of("violation.json.wrong-type");
        }
        if (type.isEnum()) {
            return Text.of("violation.one-of", Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ")));
        }
        String key = TYPE_KEYS.get(type);
        if (key != null) {
            return Text.of(key);
        }
        return Text.of(type.getName().startsWith("java.") ? "violation.json.wrong-type" : "violation.json.object");
    }
}
