package io.dsm.provisioning;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProvisioningFileStatus", description = """
        APPLIED: the last apply changed data sources. UNCHANGED: it found them as the file says. FAILED: the file does \
        not parse or validate, or conflicts with another; nothing of it was applied (its data sources stay as they were). \
        REMOVED: the file is gone; its data sources were removed (it had prune: true) or are managed through the API again.""")
public enum FileStatus {
    APPLIED,
    UNCHANGED,
    FAILED,
    REMOVED
}
