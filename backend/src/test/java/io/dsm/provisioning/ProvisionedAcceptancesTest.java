package io.dsm.provisioning;

import static io.dsm.provisioning.ProvisioningFiles.awaitStatus;
import static io.dsm.provisioning.ProvisioningFiles.entry;
import static io.dsm.provisioning.ProvisioningFiles.eventually;
import static io.dsm.provisioning.ProvisioningFiles.file;
import static io.dsm.provisioning.ProvisioningFiles.source;
import static io.dsm.provisioning.ProvisioningFiles.write;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSources;
import io.dsm.testing.StartedTarget;
import io.dsm.testing.TargetServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** Accepted risks declared as code: a provisioning file's acceptedFindings, applied, refused, revoked and exported. */
@QuarkusTest
@TestProfile(ProvisioningProfile.class)
class ProvisionedAcceptancesTest extends ApiTest {

    private static final String WAL_LEVEL = "server.wal_level";
    private static final String SLOT_WAL = "server.max_slot_wal_keep_size";
    private static final String WAL_REASON = "Full migration only until the cut-over; no slot is ever created.";
    private static final String SLOT_REASON = "The DBA watches the WAL disk.";

    @StartedTarget
    static TargetServer target;

    private static final Instant EXPIRES = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);

    @BeforeAll
    static void password() throws IOException {
        Files.writeString(Folders.secrets().resolve("accepting.pw"), TargetServer.MIGRATOR_PASSWORD);
    }

    /** A source of the target (whose wal_level is replica: a blocker) with the given lines after its fields. */
    private static String declaring(String identifier, String... acceptedFindings) {
        return file(false, entry(identifier, target.port(), "file:accepting.pw", acceptedFindings));
    }

    private static String[] walLevelAndSlotWal(String slotReason) {
        return new String[] { "acceptedFindings:", "  - check: " + WAL_LEVEL, "    reason: " + WAL_REASON,
            "    expiresAt: " + EXPIRES, "  - check: " + SLOT_WAL, "    reason: \"" + slotReason + "\"" };
    }

    private static JsonPath acceptances(String id) {
        return given().get("/api/datasources/" + id + "/acceptances").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath audit(String id) {
        return given().queryParam("dataSourceId", id).get("/api/audit").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aDeclaredAcceptanceIsAppliedAsTheFilesListedAndCoversItsFinding() {
        write("accepts.yaml", declaring("accepts01", walLevelAndSlotWal(SLOT_REASON)));
        awaitStatus("accepts.yaml", "APPLIED");
        String id = source("accepts01").orElseThrow().getString("id");

        JsonPath listed = acceptances(id);
        Map<String, Object> wal = listed.getMap("find { it.check == '" + WAL_LEVEL + "' }");
        assertThat(wal).containsEntry("source", "FILE").containsEntry("acceptedBy", "accepts.yaml")
                .containsEntry("reason", WAL_REASON).containsEntry("severity", "BLOCKER").containsEntry("objects", List.of());
        assertThat(Instant.parse((String) wal.get("expiresAt"))).isEqualTo(EXPIRES);
        assertThat(listed.getMap("find { it.check == '" + SLOT_WAL + "' }")).containsEntry("severity", "WARNING")
                .containsEntry("expiresAt", null);

        JsonPath tested = given().post("/api/datasources/" + id + "/test-connection").then().statusCode(200).extract().jsonPath();
        assertThat(tested.getString("readiness.findings.find { it.check == '" + WAL_LEVEL + "' }.severity")).isEqualTo("BLOCKER");
        assertThat(tested.getMap("readiness.findings.find { it.check == '" + WAL_LEVEL + "' }.accepted"))
                .containsEntry("id", wal.get("id")).containsEntry("acceptedBy", "accepts.yaml");
        assertThat(audit(id).getList("items.findAll { it.action == 'RISK_ACCEPTED' }.actor", String.class))
                .containsExactly("provisioning:accepts.yaml", "provisioning:accepts.yaml");
    }

    @Test
    void theApiRefusesToAcceptOrRevokeForAProvisionedSourceNamingItsFile() {
        write("managed-risks.yaml", declaring("managedrisks01", walLevelAndSlotWal(SLOT_REASON)));
        awaitStatus("managed-risks.yaml", "APPLIED");
        String id = source("managedrisks01").orElseThrow().getString("id");
        String declared = acceptances(id).getString("[0].id");

        given().body(Map.of("check", SLOT_WAL, "reason", "Through the API.")).post("/api/datasources/" + id + "/acceptances").then()
                .statusCode(409).contentType("application/problem+json").body("detail", containsString("managed-risks.yaml"));
        given().delete("/api/datasources/" + id + "/acceptances/" + declared).then().statusCode(409)
                .body("detail", containsString("managed-risks.yaml"));
        assertThat(acceptances(id).getList("$")).hasSize(2);
    }

    @Test
    void aBadAcceptanceInAFileNamesItsLineAndLeavesTheStoreUnchanged() {
        write("bad-risk.yaml", declaring("badrisk01", walLevelAndSlotWal(SLOT_REASON)));
        awaitStatus("bad-risk.yaml", "APPLIED");
        String id = source("badrisk01").orElseThrow().getString("id");
        List<Object> before = acceptances(id).getList("$");

        // Lines 1-3 are the file's head, 4-11 the entry's fields, 12 acceptedFindings: the second reason is line 17.
        write("bad-risk.yaml", declaring("badrisk01", walLevelAndSlotWal("  ")));

        Map<String, Object> failed = awaitStatus("bad-risk.yaml", "FAILED");
        assertThat((List<Map<String, Object>>) failed.get("errors")).singleElement().satisfies(error -> assertThat(error)
                .containsEntry("line", 17).containsEntry("field", "dataSources[0].acceptedFindings[1].reason")
                .containsEntry("message", "must not be empty: say why the risk is accepted"));
        assertThat(acceptances(id).getList("$")).isEqualTo(before);
    }

    @Test
    void aFileRefusesASeverityTheCheckNeverRaisesAndAFieldNoAcceptanceHasLikeTheApi() {
        write("severe.yaml", declaring("severe01", "acceptedFindings:", "  - check: " + SLOT_WAL, "    reason: x",
                "    severity: BLOCKER", "    expiresAt: " + EXPIRES, "    colour: red"));

        Map<String, Object> failed = awaitStatus("severe.yaml", "FAILED");

        assertThat((List<Map<String, Object>>) failed.get("errors"))
                .anySatisfy(error -> assertThat(error).containsEntry("line", 15)
                        .containsEntry("field", "dataSources[0].acceptedFindings[0].severity")
                        .containsEntry("message", "cannot be BLOCKER: " + SLOT_WAL + " raises at most WARNING findings"))
                .anySatisfy(error -> assertThat(error).containsEntry("line", 17)
                        .containsEntry("field", "dataSources[0].acceptedFindings[0].colour")
                        .containsEntry("message", "is not a field of an accepted finding"));
        assertThat(source("severe01")).isEmpty();
    }

    @Test
    void anEntryRemovedFromTheFileIsRevokedAndAuditedAsTheFile() {
        write("revokes.yaml", declaring("revokes01", walLevelAndSlotWal(SLOT_REASON)));
        awaitStatus("revokes.yaml", "APPLIED");
        String id = source("revokes01").orElseThrow().getString("id");
        String kept = acceptances(id).getString("find { it.check == '" + WAL_LEVEL + "' }.id");

        write("revokes.yaml", declaring("revokes01", "acceptedFindings:", "  - check: " + WAL_LEVEL, "    reason: " + WAL_REASON,
                "    expiresAt: " + EXPIRES));

        // The file's status was APPLIED already: wait for the second apply itself.
        eventually().until(() -> acceptances(id).getList("id", String.class).size() == 1);
        assertThat(acceptances(id).getList("id", String.class)).containsExactly(kept);
        JsonPath audit = audit(id);
        assertThat(audit.getString("items.find { it.action == 'RISK_ACCEPTANCE_REVOKED' }.actor")).isEqualTo("provisioning:revokes.yaml");
        assertThat(audit.getString("items.find { it.action == 'RISK_ACCEPTANCE_REVOKED' }.detail")).contains(SLOT_WAL, SLOT_REASON);
    }

    @Test
    void anExportedFileReappliesTheAcceptancesInForce() {
        String identifier = DataSources.uniqueIdentifier("risky");
        String id = DataSources.create(DataSources.primary(identifier)).getString("id");
        Map<String, Object> blocker = Map.of("check", "tables.replica_identity", "objects", List.of("app.events", "app.audit"),
                "reason", "Insert-only audit tables.", "expiresAt", EXPIRES.toString());
        Map<String, Object> warning = Map.of("check", SLOT_WAL, "reason", SLOT_REASON, "severity", "WARNING");
        given().body(blocker).post("/api/datasources/" + id + "/acceptances").then().statusCode(201);
        given().body(warning).post("/api/datasources/" + id + "/acceptances").then().statusCode(201);
        List<Map<String, Object>> accepted = acceptances(id).getList("$");

        String exported = given().accept("application/yaml").get("/api/datasources/export").then().statusCode(200).extract().asString();
        write("exported-risks.yaml", exported);

        awaitStatus("exported-risks.yaml", "APPLIED");
        List<Map<String, Object>> reapplied = acceptances(id).getList("$");
        assertThat(reapplied).allSatisfy(acceptance -> assertThat(acceptance).containsEntry("source", "FILE")
                .containsEntry("acceptedBy", "exported-risks.yaml"));
        assertThat(reapplied).extracting(ProvisionedAcceptancesTest::declared)
                .containsExactlyInAnyOrderElementsOf(accepted.stream().map(ProvisionedAcceptancesTest::declared).toList());
        // Gone without prune: what it adopted is managed through the API again, for the other tests.
        ProvisioningFiles.delete("exported-risks.yaml");
        awaitStatus("exported-risks.yaml", "REMOVED");
    }

    /** What a file declares of an acceptance: all but who, when, and its id. */
    private static List<Object> declared(Map<String, Object> acceptance) {
        return List.of(acceptance.get("check"), acceptance.get("objects"), acceptance.get("reason"),
                String.valueOf(acceptance.get("expiresAt")), acceptance.get("severity"));
    }
}
