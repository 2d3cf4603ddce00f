package io.dsm.connection;

import static io.dsm.connection.TestBodies.check;
import static io.dsm.connection.TestBodies.migrator;
import static io.dsm.connection.TestBodies.test;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.CleartextPasswordServer;
import io.dsm.testing.DataSourceBody;
import io.dsm.testing.DataSources;
import io.dsm.testing.StartedTarget;
import io.dsm.testing.TargetServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The server decides how the password is checked. A password in cleartext (pg_hba method
 * {@code password}) goes only to a server TLS verified (see {@link TlsConnectionTest} for one that
 * is), never to a fake one; MD5 works with a warning; SCRAM just works.
 */
@QuarkusTest
@TestProfile(ConnectionTestProfile.class)
class PasswordMethodTest extends ApiTest {

    static final String WITHHELD = "The server asked for the password in cleartext (pg_hba method `password`), "
            + "and TLS did not verify the server's identity, so dsm did not send the password.";
    private static final String MD5_USER = "md5_user";
    private static final String MD5_PASSWORD = "pw-Md5-User-3c9e";

    /** MD5 for {@value #MD5_USER}, SCRAM for everyone else. */
    @StartedTarget
    static TargetServer md5AndScram;

    @BeforeAll
    static void letTheMd5UserInWithMd5() {
        md5AndScram.execute("SET password_encryption = 'md5'",
                "CREATE ROLE " + MD5_USER + " LOGIN PASSWORD '" + MD5_PASSWORD + "'");
        md5AndScram.hba("host all " + MD5_USER + " 127.0.0.1/32 md5", "host all all 127.0.0.1/32 scram-sha-256");
    }

    static void assertWithheld(JsonPath result) {
        assertThat(result.getBoolean("success")).isFalse();
        assertThat(check(result, "PRIMARY", "NETWORK")).containsEntry("status", "PASSED");
        Map<String, String> authentication = check(result, "PRIMARY", "AUTHENTICATION");
        assertThat(authentication).containsEntry("status", "FAILED").containsEntry("message", WITHHELD);
        assertThat(authentication.get("hint")).contains("scram-sha-256 for this user in the server's pg_hba.conf")
                .contains("verify-full").contains("verify-ca with the server's CA certificate");
    }

    @Test
    void sendsNothingToAFakeServerThatAsksForATypedPasswordInCleartext() throws Exception {
        try (CleartextPasswordServer fake = new CleartextPasswordServer()) {
            assertWithheld(test(migrator(fake.port())));
            // the test's own connection and, beside it, the replication connection: both asked, neither answered
            fake.awaitEnded(2);
            assertThat(fake.startups()).extracting(startup -> startup.get("user")).containsOnly(TargetServer.MIGRATOR);
            assertThat(fake.startups()).anySatisfy(startup -> assertThat(startup).containsEntry("replication", "database"));
            assertThat(fake.passwords()).isEmpty();
        }
    }

    @Test
    void sendsNothingToAFakeServerThatAsksForASavedSourcesPasswordInCleartext() throws Exception {
        try (CleartextPasswordServer fake = new CleartextPasswordServer()) {
            DataSourceBody body = migrator(fake.port()).identifier(DataSources.uniqueIdentifier("fake"));
            String id = DataSources.create(body).getString("id");
            JsonPath result = given().post("/api/datasources/" + id + "/test-connection").then().statusCode(200)
                    .extract().jsonPath();
            assertWithheld(result);
            assertThat(fake.awaitEnded(1).passwords()).isEmpty();
            given().delete("/api/datasources/" + id).then().statusCode(204);
        }
    }

    @Test
    void warnsAndRecommendsScramWhenTheServerAsksForAnMd5Password() {
        JsonPath result = test(migrator(md5AndScram.port()).username(MD5_USER).password(MD5_PASSWORD));
        assertThat(result.getBoolean("success")).isTrue();
        Map<String, String> authentication = check(result, "PRIMARY", "AUTHENTICATION");
        assertThat(authentication).containsEntry("status", "WARNING");
        assertThat(authentication.get("message")).startsWith("User \"md5_user\" signed in, but the server asked for an MD5 "
                + "password (pg_hba method `md5`");
        assertThat(authentication.get("hint")).contains("SET password_encryption = 'scram-sha-256'")
                .contains("scram-sha-256 in pg_hba.conf");
    }

    @Test
    void passesWithoutAWarningWhenTheServerUsesScram() {
        JsonPath result = test(migrator(md5AndScram.port()));
        assertThat(result.getBoolean("success")).isTrue();
        assertThat(check(result, "PRIMARY", "AUTHENTICATION")).containsEntry("status", "PASSED")
                .containsEntry("message", "User \"migrator\" signed in.").containsEntry("hint", null);
    }
}
