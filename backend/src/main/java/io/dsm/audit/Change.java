package io.dsm.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One field an action changed. A secret's values are never recorded: only that it changed. */
@Schema(description = "A field an action changed, with its old and new values (null when absent). "
        + "For passwords both values are \"[secret]\": only the fact of the change is recorded.")
public record Change(String field, @Schema(nullable = true) String oldValue, @Schema(nullable = true) String newValue) {

    /** Stands for a secret's value in an audit record. */
    public static final String SECRET = "[secret]";

    public static Change ofSecret(String field) {
        return new Change(field, SECRET, SECRET);
    }
}
