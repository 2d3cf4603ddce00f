package io.dsm.datasource.service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Singleton;
import jakarta.validation.Validator;

import io.dsm.common.crypto.Secret;
import io.dsm.common.problem.ProblemException;
import io.dsm.common.problem.Violation;
import io.dsm.common.problem.Violations;
import io.dsm.datasource.DataSourceType;
import io.dsm.datasource.api.DataSourceInput;
import io.dsm.region.Regions;

/**
 * Checks a data source as a whole: the field constraints declared on the request records and the
 * rules between fields and configuration. Every violation is reported at once, so a form can mark
 * all its wrong fields in one round trip.
 */
@Singleton
public class DataSourceRules {

    static final Set<DataSourceType> SUPPORTED_TYPES = EnumSet.of(DataSourceType.POSTGRESQL);
    static final int PASSWORD_MAX = 1024;

    public enum Purpose { CREATE, UPDATE }

    private final Validator validator;
    private final Regions regions;

    public DataSourceRules(Validator validator, Regions regions) {
        this.validator = validator;
        this.regions = regions;
    }

    /** @throws ProblemException (400) naming every invalid field */
    public void check(DataSourceInput input, Purpose purpose) {
        List<Violation> violations = new ArrayList<>(Violations.from(validator.validate(input)));
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
        checkPassword("password", input.password(), purpose == Purpose.CREATE, violations);
        if (input.standby() != null) {
            checkPassword("standby.password", input.standby().password(), false, violations);
        }
        if (purpose == Purpose.UPDATE && input.version() == null) {
            violations.add(new Violation("version", "is required: send the version you read"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations.stream().distinct()
                    .sorted(java.util.Comparator.comparing(Violation::field)).toList());
        }
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

    private static void checkPassword(String field, Secret password, boolean required, List<Violation> violations) {
        if (password == null) {
            if (required) {
                violations.add(new Violation(field, "is required"));
            }
        } else if (password.isEmpty()) {
            violations.add(new Violation(field, required ? "is required" : "must not be empty; omit it to keep the stored password"));
        } else if (password.reveal().length() > PASSWORD_MAX) {
            violations.add(new Violation(field, "must be at most " + PASSWORD_MAX + " characters"));
        }
    }
}
