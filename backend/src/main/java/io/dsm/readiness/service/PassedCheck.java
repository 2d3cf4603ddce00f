package io.dsm.readiness.service;

import io.dsm.readiness.ReadinessCheck;

/** A readiness check that ran and found nothing to report, with what it saw. */
public record PassedCheck(ReadinessCheck check, String message) {
}
