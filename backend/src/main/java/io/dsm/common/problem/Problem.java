package io.dsm.common.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The single error body of the API: RFC 9457 problem details. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details, returned as application/problem+json for every error.")
public record Problem(
        @Schema(description = "A URI naming the kind of problem.", examples = "urn:dsm:problem:validation")
        String type,
        @Schema(description = "Short summary of the kind of problem.", examples = "Invalid input")
        String title,
        @Schema(description = "The HTTP status code.", examples = "400")
        int status,
        @Schema(description = "What happened in this occurrence.", examples = "1 field is invalid.")
        String detail,
        @Schema(description = "The fields that were rejected, for bad input.")
        List<RejectedField> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
