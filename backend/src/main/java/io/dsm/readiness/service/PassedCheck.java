package io.dsm.readiness.service;

import io.dsm.common.i18n.Text;
import io.dsm.readiness.ReadinessCheck;

/** A readiness check that ran and found nothing to report, with what it saw. */
public record PassedCheck(ReadinessCheck check, Text message) {
}
