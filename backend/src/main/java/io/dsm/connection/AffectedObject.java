package io.dsm.connection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dsm.common.i18n.Text;

@Schema(name = "AffectedObject", description = "A table, slot or publication a finding is about.")
public record AffectedObject(
        @Schema(description = "Its name as SQL writes it (schema-qualified for tables).", examples = "app.events")
        String name,
        @Schema(implementation = String.class, nullable = true, description = "What is wrong with this one, where that differs "
                + "per object, in the request's language (names of objects as they are).",
                examples = "inactive, retains 1.2 GB of WAL, wal_status reserved")
        Text detail) {
}
