package io.dsm.readiness;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FindingSeverity", description = """
        BLOCKER: the scope fails, or silently loses changes, until this is fixed. WARNING: the scope can run, but \
        something will hurt it (disk, a second project, changes of some tables). INFO: worth knowing; nothing to fix.""")
public enum FindingSeverity {
    BLOCKER,
    WARNING,
    INFO
}
