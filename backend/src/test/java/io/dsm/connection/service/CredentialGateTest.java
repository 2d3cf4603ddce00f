package io.dsm.connection.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.Test;

import io.dsm.common.crypto.Secret;
import io.dsm.connection.CheckTarget;
import io.dsm.datasource.DatabaseAttribute;
import io.dsm.datasource.TlsMode;
import io.dsm.readiness.service.ReplicationConnectionResult;
import io.dsm.readiness.service.ReplicationConnectionResult.Outcome;
import io.dsm.testing.CleartextPasswordServer;

/** Which servers get a password in cleartext, and the replication connection that must not give one to any other. */
class CredentialGateTest {

    private static final String PASSWORD = "pw-Replication-Gate-41";

    private static ConnectionSpec spec(int port, TlsMode mode, String caCertificate) {
        return new ConnectionSpec(CheckTarget.PRIMARY, DatabaseAttribute.PRIMARY, "127.0.0.1", port, "cdc",
                Optional.of(Secret.of(PASSWORD)), null, "shop", null, mode, caCertificate, false, null);
    }

    @Test
    void countsOnlyVerifyFullAndVerifyCaWithAPinnedCaAsAVerifiedServer() {
        assertThat(CredentialGate.verifiesServer(spec(5432, TlsMode.VERIFY_FULL, null))).isTrue();
        assertThat(CredentialGate.verifiesServer(spec(5432, TlsMode.VERIFY_CA, "-----BEGIN CERTIFICATE-----"))).isTrue();
        assertThat(CredentialGate.verifiesServer(spec(5432, TlsMode.VERIFY_CA, null))).isFalse();
        assertThat(CredentialGate.verifiesServer(spec(5432, TlsMode.REQUIRE, null))).isFalse();
        assertThat(CredentialGate.verifiesServer(spec(5432, TlsMode.PREFER, null))).isFalse();
        assertThat(CredentialGate.verifiesServer(spec(5432, TlsMode.DISABLE, null))).isFalse();
    }

    @Test
    void withholdsTheReplicationConnectionsReleasedPasswordFromAnUnverifiedCleartextServer() throws Exception {
        ExecutorService workers = Executors.newCachedThreadPool();
        ScheduledExecutorService cancels = Executors.newSingleThreadScheduledExecutor();
        try (CleartextPasswordServer fake = new CleartextPasswordServer()) {
            ConnectionSpec spec = spec(fake.port(), TlsMode.PREFER, null);
            ReplicationProbe probe = ReplicationProbe.start(spec, InetAddress.getLoopbackAddress(),
                    new TestBudget(Duration.ofSeconds(5)), new ServerText(spec.password()), workers, cancels,
                    java.util.Optional.empty());
            // as if the test's own connection had signed in: the gate opens
            probe.release(true, true);
            ReplicationConnectionResult result = probe.await();

            assertThat(result.outcome()).isEqualTo(Outcome.WITHHELD);
            assertThat(result.message()).isEqualTo(PasswordMethods.CLEARTEXT_WITHHELD);
            assertThat(result.hint().english()).contains("scram-sha-256").contains("verify-full");
            fake.awaitEnded(1);
            assertThat(fake.startups()).singleElement().satisfies(startup -> assertThat(startup)
                    .containsEntry("replication", "database").containsEntry("user", "cdc"));
            assertThat(fake.passwords()).isEmpty();
        } finally {
            workers.shutdownNow();
            cancels.shutdownNow();
        }
    }
}
