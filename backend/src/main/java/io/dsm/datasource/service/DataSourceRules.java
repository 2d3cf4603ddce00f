package io.dsm.datasource.service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Singleton;
import jakarta.validation.Validator;

import io.dsm.common.crypto.Secret;
import io.dsm.common.secrets.SecretReferences;
import io.dsm.common.problem.ProblemException;
import io.dsm.common.problem.Violation;
import io.dsm.common.problem.Violations;
import io.dsm.datasource.DataSourceType;
import io.dsm.datasource.api.DataSourceInput;
import io.dsm.datasource.api.Rules;
import io.dsm.datasource.api.TlsSettings;
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

    private final Validator validator;
    private final Regions regions;
    private final SecretReferences references;

    public DataSourceRules(Validator validator, Regions regions, SecretReferences references) {
        this.validator = validator;
        this.regions = regions;
        this.references = references;
    }

    /** @throws ProblemException (400) naming every invalid field */
    public void check(DataSourceInput input, Purpose purpose) {
        List<Violation> violations = new ArrayList<>(Violations.from(validator.validate(input)));
        if (!purpose.identifierRequired && input.identifier() == null) {
            violations.removeIf(v -> v.field().equals("identifier"));
        }
        if (input.type() != null && !SUPPORTED_TYPES.contains(input.type())) {
            violations.add(new Violation("type", "is not supported; supported types: " + SUPPORTED_TYPES));
        }
        checkRegion(input.region(), violations);
        if (input.attribute() != null) {
            if (input.heartbeat() && !input.attribute().acceptsHeartbeat()) {
                violations.add(new Violation("heartbeatEnabled",
                        "can be true only for PRIMARY and PRIMARY_STANDBY data sources"));
            }
            if (input.attribute().hasStandby() && input.standby() == null) {
                violations.add(new Violation("standby", "is required with attribute PRIMARY_STANDBY"));
            } else if (!input.attribute().hasStandby() && input.standby() != null) {
                violations.add(new Violation("standby", "is allowed only with attribute PRIMARY_STANDBY"));
            }
        }
        checkPassword("", input.password(), input.passwordRef(), purpose.passwordRequired, violations);
        if (input.standby() != null) {
            checkPassword("standby.", input.standby().password(), input.standby().passwordRef(), false, violations);
        }
        checkTls(input.tls(), violations);
        if (purpose.versionRequired && input.version() == null) {
            violations.add(new Violation("version", "is required: send the version you read"));
        }
        Violations.throwIfAny(violations);
    }

    private void checkRegion(String region, List<Violation> violations) {
        if (regions.resolve(region).isPresent()) {
            return;
        }
        String known = String.join(", ", regions.names());
        violations.add(new Violation("region", region == null || region.isBlank()
                ? "is required when several regions are configured; one of: " + known
                : "must be one of: " + known));
    }

    private static void checkTls(TlsSettings tls, List<Violation> violations) {
        if (tls == null || tls.caCertificate() == null || tls.caCertificate().isBlank()) {
            return;
        }
        if (!tls.modeOrDefault().verifiesCertificate()) {
            violations.add(new Violation("tls.caCertificate", "is used only with mode verify-ca or verify-full"));
        } else if (!PemCertificates.isValid(tls.caCertificate())) {
            violations.add(new Violation("tls.caCertificate",
                    "must be one or more PEM certificates (-----BEGIN CERTIFICATE----- ...)"));
        }
    }

    /** A password, or a reference to one that may be used here, or (where allowed) neither: never both. */
    private void checkPassword(String prefix, Secret password, String reference, boolean required, List<Violation> violations) {
        if (reference != null) {
            if (password != null) {
                violations.add(new Violation(prefix + "passwordRef", "cannot be given with " + prefix + "password: give one of them"));
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
                violations.add(new Violation(field, "is required (or give passwordRef)"));
            }
        } else if (password.isEmpty()) {
            violations.add(new Violation(field, required ? "is required" : "must not be empty; omit it to keep the stored password"));
        } else if (password.reveal().length() > Rules.PASSWORD_MAX) {
            violations.add(new Violation(field, "must be at most " + Rules.PASSWORD_MAX + " characters"));
        }
    }
}
