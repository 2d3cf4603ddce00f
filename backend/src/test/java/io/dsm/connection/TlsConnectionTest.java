package io.dsm.connection;

import static io.dsm.connection.TestBodies.check;
import static io.dsm.connection.TestBodies.migrator;
import static io.dsm.connection.TestBodies.test;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.dsm.testing.TargetServer;
import io.dsm.testing.TestCertificates;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * TLS against a server whose certificate (for "localhost") was signed by a CA made for this test. It
 * asks {@value #CLEARTEXT_USER} for the password in cleartext, which dsm sends only once TLS verified it.
 */
@QuarkusTest
@TestProfile(ConnectionTestProfile.class)
class TlsConnectionTest extends ApiTest {

    static final String CLEARTEXT_USER = "cleartext_user";
    static final String CLEARTEXT_PASSWORD = "pw-Cleartext-User-8d2f";

    static TargetServer tlsServer;
    static TargetServer plainServer;
    static TestCertificates.ServerFiles certificates;

    @BeforeAll
    static void startServers() throws Exception {
        certificates = TestCertificates.serverSignedByNewCa(Files.createTempDirectory("dsm-tls"), "localhost");
        tlsServer = TargetServer.startWithTls(certificates);
        tlsServer.execute("CREATE ROLE " + CLEARTEXT_USER + " LOGIN PASSWORD '" + CLEARTEXT_PASSWORD + "'");
        tlsServer.hba("hostssl all " + CLEARTEXT_USER + " 127.0.0.1/32 password", "host all all 127.0.0.1/32 scram-sha-256");
        plainServer = TargetServer.start();
    }

    @AfterAll
    static void stopServers() {
        tlsServer.close();
        plainServer.close();
    }

    private static DataSourceBody withTls(TargetServer server, String host, String mode, String ca) {
        return migrator(server.port()).host(host).tls(mode, ca);
    }

    @Test
    void connectsInVerifyFullWithTheRightCa() {
        JsonPath result = test(withTls(tlsServer, "localhost", "verify-full", certificates.caPem()));
        assertThat(result.getBoolean("success")).isTrue();
        assertThat(check(result, "PRIMARY", "NETWORK").get("message")).contains("encrypted with TLS");
    }

    @Test
    void failsNetworkInVerifyFullWithAnUnrelatedCa() {
        JsonPath result = test(withTls(tlsServer, "localhost", "verify-full", TestCertificates.unrelatedCaPem()));
        Map<String, String> network = check(result, "PRIMARY", "NETWORK");
        assertThat(network.get("status")).isEqualTo("FAILED");
        assertThat(network.get("message")).isEqualTo("The server's certificate is not signed by a trusted CA.");
        assertThat(check(result, "PRIMARY", "AUTHENTICATION").get("status")).isEqualTo("SKIPPED");
    }

    @Test
    void failsNetworkInVerifyFullWhenTheCertificateNamesAnotherHost() {
        JsonPath result = test(withTls(tlsServer, "127.0.0.1", "verify-full", certificates.caPem()));
        Map<String, String> network = check(result, "PRIMARY", "NETWORK");
        assertThat(network.get("status")).isEqualTo("FAILED");
        assertThat(network.get("message")).contains("does not name the host 127.0.0.1");
    }

    @Test
    void acceptsTheSameCertificateInVerifyCaWhateverTheHostName() {
        assertThat(test(withTls(tlsServer, "127.0.0.1", "verify-ca", certificates.caPem())).getBoolean("success")).isTrue();
    }

    @Test
    void failsNetworkWhenTlsIsRequiredAndTheServerDoesNotOfferIt() {
        Map<String, String> network = check(test(withTls(plainServer, "127.0.0.1", "require", null)), "PRIMARY", "NETWORK");
        assertThat(network.get("status")).isEqualTo("FAILED");
        assertThat(network.get("message")).contains("does not offer it");
    }

    @Test
    void saysWhenTheConnectionIsNotEncrypted() {
        JsonPath result = test(withTls(plainServer, "127.0.0.1", "prefer", null));
        assertThat(check(result, "PRIMARY", "NETWORK").get("message")).contains("not encrypted");
    }

    private static DataSourceBody asCleartextUser(String host, String mode, String ca) {
        return withTls(tlsServer, host, mode, ca).username(CLEARTEXT_USER).password(CLEARTEXT_PASSWORD);
    }

    @Test
    void sendsACleartextPasswordToAServerVerifiedInVerifyFull() {
        JsonPath result = test(asCleartextUser("localhost", "verify-full", certificates.caPem()));
        assertThat(result.getBoolean("success")).isTrue();
        assertThat(check(result, "PRIMARY", "AUTHENTICATION")).containsEntry("status", "PASSED")
                .containsEntry("message", "User \"" + CLEARTEXT_USER + "\" signed in.");
    }

    @Test
    void sendsACleartextPasswordInVerifyCaAgainstThePinnedCa() {
        JsonPath result = test(asCleartextUser("127.0.0.1", "verify-ca", certificates.caPem()));
        assertThat(check(result, "PRIMARY", "AUTHENTICATION")).containsEntry("status", "PASSED");
    }

    @Test
    void withholdsACleartextPasswordOverTlsThatDoesNotVerifyTheServer() {
        PasswordMethodTest.assertWithheld(test(asCleartextUser("127.0.0.1", "require", null)));
    }
}
