package io.dsm.common.problem;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers request bodies that are not valid JSON for the resource. The messages are composed here
 * from the field path and the expected type: Jackson's own text can echo the rejected value, and a
 * rejected value may be a password.
 */
public class JsonProblemMappers {

    private static final Map<Class<?>, String> TYPE_NAMES = Map.of(
            Integer.class, "an integer", int.class, "an integer",
            Long.class, "an integer", long.class, "an integer",
            Boolean.class, "true or false", boolean.class, "true or false",
            String.class, "a string");

    // Mappers are chosen by the most specific exception class, and Quarkus maps MismatchedInputException
    // itself, so that kind is named here; every other kind reaches the JsonProcessingException mapper.

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return respond(e);
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e) {
        return respond(e);
    }

    static Response respond(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return invalid(JsonPaths.of(unknown.getPath()), "is not a field of this resource");
        }
        if (e instanceof InvalidFormatException format) {
            return invalid(JsonPaths.of(format.getPath()), expectation(format.getTargetType()));
        }
        if (e instanceof ValueInstantiationException instantiation) {
            return invalid(JsonPaths.of(instantiation.getPath()), expectation(instantiation.getType().getRawClass()));
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return invalid(JsonPaths.of(mismatch.getPath()), expectation(mismatch.getTargetType()));
        }
        if (e instanceof MismatchedInputException) {
            return ProblemResponses.of(ProblemType.MALFORMED_REQUEST, "The request body must be a JSON object.");
        }
        var location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return ProblemResponses.of(ProblemType.MALFORMED_REQUEST, "The request body is not valid JSON" + where + ".");
    }

    private static Response invalid(String field, String message) {
        return ProblemResponses.of(ProblemException.invalid(field, message).toProblem());
    }

    private static String expectation(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of: " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        String name = TYPE_NAMES.get(type);
        if (name != null) {
            return "must be " + name;
        }
        return type.getName().startsWith("java.") ? "has the wrong type" : "must be a JSON object";
    }
}
