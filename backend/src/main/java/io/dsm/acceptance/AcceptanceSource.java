package io.dsm.acceptance;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AcceptanceSource", description = """
        API: accepted through the API by the user named in acceptedBy. FILE: declared in a provisioning file (reserved; \
        provisioning files do not declare acceptances yet).""")
public enum AcceptanceSource {
    API,
    FILE
}
