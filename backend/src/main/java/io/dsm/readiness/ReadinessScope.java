package io.dsm.readiness;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a migration project does with a source: copy it once, then follow its changes. */
@Schema(name = "ReadinessScope", description = """
        FULL_MIGRATION: schema and full data migration, which read the tables with SELECT. INCREMENTAL_SYNC: \
        change data capture through logical decoding (a replication slot and a publication), which reads the primary.""")
public enum ReadinessScope {
    FULL_MIGRATION("Full migration"),
    INCREMENTAL_SYNC("Incremental sync");

    private final String label;

    ReadinessScope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
