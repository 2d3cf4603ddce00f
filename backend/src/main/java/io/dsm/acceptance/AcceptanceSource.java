package io.dsm.acceptance;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AcceptanceSource", description = """
        API: accepted through the API by the user named in acceptedBy. FILE: declared under acceptedFindings in the \
        provisioning file named in acceptedBy, which alone changes it (the API answers 409 AcceptancesManagedByFile).""")
public enum AcceptanceSource {
    API,
    FILE
}
