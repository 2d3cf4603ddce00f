package io.dsm.datasource.service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import io.dsm.common.crypto.Secret;
import io.dsm.common.secrets.SecretReferences;
import io.dsm.common.problem.ProblemException;
import io.dsm.common.problem.Violation;
import io.dsm.common.problem.Violations;
import io.dsm.datasource.DataSourceType;
import io.dsm.datasource.DataSourceInput;
import io.dsm.datasource.Rules;
import io.dsm.datasource.TlsSettings;
import io.dsm.region.Regions;

/**
 * Checks a data source as a whole: the field constraints declared on the request records and the
 * rules between fields and configuration. Every violation is reported at once, so a form can mark
 * all its wrong fields in one round trip.
 */
@Singleton
public class DataSourceRules {

    static final Set<DataSourceType> SUPPORTED_TYPES = EnumSet.of(DataSourceType.POSTGRESQL);

    /** What the data source is checked for; each purpose requires a little more or less. */
    public enum Purpose {
        CREATE(true, true, false),
        UPDATE(true, false, true),
        /** A test of an unsaved data source: the form may not have an identifier yet. */
        TEST(false, true, false),
        /** A test of a saved data source with edits: absent passwords are the stored ones. */
        TEST_STORED(false, false, false);

        final boolean identifierRequired;
        final boolean passwordRequired;
        final boolean versionRequired;

        Purpose(boolean identifierRequired, boolean passwordRequired, boolean versionRequired) {
            this.identifierRequired = identifierRequired;
            this.passwordRequired = passwordRequired;
            this.versionRequired = versionRequired;
        }
    }

    @Inject
    Validator validator;
    @Inject
    Regions regions;
    @Inject
    SecretReferences references;

    /** @throws ProblemException (400) naming every invalid field */
    public void check(DataSourceInput input, Purpose purpose) {
        List<Violation> violations = new ArrayList<>(Violations.from(validator.validate(input)));
        if (!purpose.identifierRequired && input.identifier() == null) {
            violations.removeIf(v -> v.field().equals("identifier"));
        }
        if (input.type() != null && !SUPPORTED_TYPES.contains(input.type())) {
            violations.add(Violation.of("type", "violation.type.unsupported", SUPPORTED_TYPES.toString()));
        }
        checkRegion(input.region(), violations);
        if (input.attribute() != null) {
            if (input.heartbeat() && !input.attribute().acceptsHeartbeat()) {
                violations.add(Violation.of("heartbeatEnabled", "violation.heartbeat.attribute"));
            }
            if (input.attribute().hasStandby() && input.standby() == null) {
                violations.add(Violation.of("standby", "violation.standby.required"));
            } else if (!input.attribute().hasStandby() && input.standby() != null) {
                violations.add(Violation.of("standby", "violation.standby.not-allowed"));
            }
        }
        checkPassword("", input.password(), input.passwordRef(), purpose.passwordRequired, violations);
        if (input.standby() != null) {
            checkPassword("standby.", input.standby().password(), input.standby().passwordRef(), false, violations);
        }
        checkTls(input.tls(), violations);
        if (purpose.versionRequired && input.version() == null) {
            violations.add(Violation.of("version", "violation.version.required"));
        }
        Violations.throwIfAny(violations);
    }

    private void checkRegion(String region, List<Violation> violations) {
        if (regions.resolve(region).isPresent()) {
            return;
        }
        String known = String.join(", ", regions.names());
        violations.add(region == null || region.isBlank()
                ? Violation.of("region", "violation.region.required", known)
                : Violation.of("region", "violation.one-of", known));
    }

    private static void checkTls(TlsSettings tls, List<Violation> violations) {
        if (tls == null || tls.caCertificate() == null || tls.caCertificate().isBlank()) {
            return;
        }
        if (!tls.modeOrDefault().verifiesCertificate()) {
            violations.add(Violation.of("tls.caCertificate", "violation.tls.ca-unused"));
        } else if (!PemCertificates.isValid(tls.caCertificate())) {
            violations.add(Violation.of("tls.caCertificate", "violation.tls.ca-pem"));
        }
    }

    /** A password, or a reference to one that may be used here, or (where allowed) neither: never both. */
    private void checkPassword(String prefix, Secret password, String reference, boolean required, List<Violation> violations) {
        if (reference != null) {
            if (password != null) {
                violations.add(Violation.of(prefix + "passwordRef", "violation.password-ref.with-password", prefix + "password"));
            } else {
                references.refusal(reference).ifPresent(refusal -> violations.add(new Violation(prefix + "passwordRef", refusal)));
            }
            return;
        }
        checkPassword(prefix + "password", password, required, violations);
    }

    private static void checkPassword(String field, Secret password, boolean required, List<Violation> violations) {
        if (password == null) {
            if (required) {
                violations.add(Violation.of(field, "violation.password.required-or-ref"));
            }
        } else if (password.isEmpty()) {
            violations.add(Violation.of(field, required ? "constraint.required" : "violation.password.empty"));
        } else if (password.reveal().length() > Rules.PASSWORD_MAX) {
            violations.add(Violation.of(field, "violation.max-characters", Rules.PASSWORD_MAX));
        }
    }
}
