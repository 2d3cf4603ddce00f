package io.dsm.datasource.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Singleton;

import io.dsm.datasource.DataSourceEntity;
import io.dsm.datasource.StandbyEndpoint;
import io.dsm.datasource.DataSourceInput;
import io.dsm.datasource.StandbyInput;
import io.dsm.datasource.TlsSettings;
import io.dsm.region.Regions;

/** Writes a checked request onto the stored data source: blanks as nulls, passwords sealed, absent ones kept. */
@Singleton
class DataSourceFields {

    private final Regions regions;
    private final PasswordSeals seals;
    private final Clock clock = Clock.systemUTC();

    DataSourceFields(Regions regions, PasswordSeals seals) {
        this.regions = regions;
        this.seals = seals;
    }

    void apply(DataSourceInput input, DataSourceEntity entity) {
        // Decided before the endpoint is overwritten: a standby that moves does not keep its saved password.
        boolean keepsStandbyPassword = PasswordScope.of(StoredDataSources.valueOf(entity), input).keepsStandbyPassword();
        entity.identifier = input.identifier();
        entity.type = input.type();
        entity.region = regions.resolve(input.region()).orElseThrow();
        entity.attribute = input.attribute();
        entity.heartbeatEnabled = input.heartbeat();
        entity.host = input.host();
        entity.port = input.port();
        entity.username = input.username();
        if (input.passwordRef() != null) {
            entity.passwordRef = input.passwordRef();
            entity.passwordSealed = null;
        } else if (input.password() != null) {
            entity.passwordSealed = seals.seal(input.password(), entity.id);
            entity.passwordRef = null;
        } else if (entity.passwordSealed != null) {
            entity.passwordSealed = seals.underCurrentKey(entity.passwordSealed, entity.id);
        }
        entity.databaseName = input.databaseName();
        entity.schemaName = blankToNull(input.schemaName());
        entity.heartbeatSchema = blankToNull(input.heartbeatSchema());
        entity.remarks = blankToNull(input.remarks());
        entity.standby = standbyOf(input, entity, keepsStandbyPassword);
        TlsSettings tls = input.tls() == null ? TlsSettings.DEFAULT : input.tls();
        entity.tlsMode = tls.modeOrDefault();
        entity.tlsCaCertificate = blankToNull(tls.caCertificate());
        // Always touched, so that every update raises the version, even one that changes nothing else.
        entity.updatedAt = now();
    }

    /** Whether writing the input onto the stored data source would change it (a provisioning file applied again). */
    boolean differ(DataSourceInput input, DataSourceEntity stored) {
        DataSourceEntity wanted = new DataSourceEntity();
        wanted.id = stored.id;
        apply(input, wanted);
        if (!DataSourceChanges.snapshot(wanted).equals(DataSourceChanges.snapshot(stored))
                || !java.util.Objects.equals(wanted.tlsCaCertificate, stored.tlsCaCertificate)) {
            return true;
        }
        if (input.password() != null && !seals.same(stored.passwordSealed, input.password(), stored.id)) {
            return true;
        }
        StandbyInput standby = input.standby();
        return standby != null && standby.password() != null
                && (stored.standby == null || !seals.same(stored.standby.passwordSealed, standby.password(), stored.id));
    }

    /**
     * The standby's username and password default to the primary's; an update without a password keeps the stored one
     * if the standby did not move (see {@link PasswordScope}).
     */
    private StandbyEndpoint standbyOf(DataSourceInput input, DataSourceEntity entity, boolean keepsPassword) {
        StandbyInput requested = input.standby();
        if (requested == null) {
            return null;
        }
        StandbyEndpoint standby = new StandbyEndpoint();
        standby.host = requested.host();
        standby.port = requested.port();
        standby.username = requested.username() == null || requested.username().isBlank()
                ? entity.username : requested.username();
        if (requested.passwordRef() != null) {
            standby.passwordRef = requested.passwordRef();
        } else if (requested.password() != null) {
            standby.passwordSealed = seals.seal(requested.password(), entity.id);
        } else if (keepsPassword && entity.standby.passwordRef != null) {
            standby.passwordRef = entity.standby.passwordRef;
        } else if (keepsPassword && entity.standby.passwordSealed != null) {
            standby.passwordSealed = seals.underCurrentKey(entity.standby.passwordSealed, entity.id);
        } else {
            // A new or moved standby shares the primary's password, which the request gave (RequestRules saw to that, and a
            // provisioning file always gives one). Sealed values are bound to the row, not to a half, so this is a copy.
            standby.passwordSealed = entity.passwordSealed;
            standby.passwordRef = entity.passwordRef;
        }
        return standby;
    }

    private Instant now() {
        // PostgreSQL keeps microseconds; the response must show what a later read returns.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
