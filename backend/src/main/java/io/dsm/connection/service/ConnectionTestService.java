package io.dsm.connection.service;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dsm.connection.api.ConnectionTestResult;
import io.dsm.connection.service.ConnectionSpecs.Password;
import io.dsm.datasource.api.DataSourceInput;
import io.dsm.datasource.service.DataSourceRules;
import io.dsm.datasource.service.DataSourceRules.Purpose;

/** Tests a data source as typed in a form, or as stored (optionally with edits). Nothing is stored. */
@ApplicationScoped
public class ConnectionTestService {

    private final DataSourceRules rules;
    private final StoredConnections stored;
    private final ConnectionTester tester;

    public ConnectionTestService(DataSourceRules rules, StoredConnections stored, ConnectionTester tester) {
        this.rules = rules;
        this.stored = stored;
        this.tester = tester;
    }

    public ConnectionTestResult testUnsaved(DataSourceInput input) {
        rules.check(input, Purpose.TEST);
        Password primary = Password.of(input.password());
        Password standby = input.standby() != null && input.standby().password() != null
                ? Password.of(input.standby().password()) : primary;
        return tester.test(ConnectionSpecs.of(input, primary, standby));
    }

    public ConnectionTestResult testStored(UUID id, Optional<DataSourceInput> edited) {
        edited.ifPresent(input -> rules.check(input, Purpose.TEST_STORED));
        return tester.test(stored.load(id, edited));
    }
}
