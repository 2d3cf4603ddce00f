package io.dsm.audit.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A page of audit events, newest first.")
public record AuditPage(List<AuditEventResponse> items, int page, int size, long total) {
}
