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
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.dsm.testing.DataSources;
import io.dsm.testing.SecretLeakGuard;
import io.dsm.testing.StartedTarget;
import io.dsm.testing.TargetServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** Data sources declared in files on disk, applied while dsm runs, managed by their file. */
@QuarkusTest
@TestProfile(ProvisioningProfile.class)
class ProvisioningTest extends ApiTest {

    @StartedTarget
    static TargetServer target;

    @Test
    void appliesANewFileWithinSecondsAndMarksItsSourcesAsManagedByIt() {
        write("orders.yaml", file(false, entry("orders01", 5432, "file:orders01.pw", "region: default", "schemaName: sales")));

        Map<String, Object> status = awaitStatus("orders.yaml", "APPLIED");

        assertThat(status).containsEntry("dataSources", 1).containsEntry("errors", List.of());
        JsonPath orders = source("orders01").orElseThrow();
        assertThat(orders.getString("provisionedBy")).isEqualTo("orders.yaml");
        assertThat(orders.getString("passwordRef")).isEqualTo("file:orders01.pw");
        assertThat(orders.getString("schemaName")).isEqualTo("sales");
    }

    @Test
    void refusesToChangeOrDeleteAManagedSourceThroughTheApiNamingItsFile() {
        write("managed.yaml", file(false, entry("managed01", 5432, "file:managed01.pw")));
        awaitStatus("managed.yaml", "APPLIED");
        JsonPath managed = source("managed01").orElseThrow();
        String id = managed.getString("id");

        DataSourceBody edit = DataSourceBody.migrator(5432).identifier("managed01").with("version", managed.getLong("version"));
        given().body(edit).put("/api/datasources/" + id).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("managed.yaml"));
        given().delete("/api/datasources/" + id).then().statusCode(409).body("detail", containsString("managed.yaml"));
    }

    @Test
    void appliesAnEditedFileAndAuditsTheChangeAsTheFile() {
        write("edited.yaml", file(false, entry("edited01", 5432, "file:edited01.pw")));
        awaitStatus("edited.yaml", "APPLIED");
        String id = source("edited01").orElseThrow().getString("id");

        write("edited.yaml", file(false, entry("edited01", 6543, "file:edited01.pw", "remarks: moved to 6543")));

        eventually().until(() -> source("edited01").orElseThrow().getInt("port") == 6543);
        JsonPath audit = given().queryParam("dataSourceId", id).get("/api/audit").then().statusCode(200).extract().jsonPath();
        assertThat(audit.getList("items.actor", String.class)).containsOnly("provisioning:edited.yaml");
        assertThat(audit.getList("items.action", String.class)).containsExactly("DATA_SOURCE_UPDATED", "DATA_SOURCE_CREATED");
    }

    @Test
    void leavesAFileThatSaysWhatIsStoredUnchanged() throws InterruptedException {
        String yaml = file(false, entry("same01", 5432, "file:same01.pw"));
        write("same.yaml", yaml);
        awaitStatus("same.yaml", "APPLIED");
        long version = source("same01").orElseThrow().getLong("version");

        write("same.yaml", yaml + "# only a comment changed\n");

        awaitStatus("same.yaml", "UNCHANGED");
        assertThat(source("same01").orElseThrow().getLong("version")).isEqualTo(version);
    }

    @Test
    void aBrokenFileChangesNothingAndNamesItsLinesAndFieldsWhileTheGoodOneNextToItApplies() {
        write("good.yaml", file(false, entry("good01", 5432, "file:good01.pw")));
        write("broken.yaml", file(false, entry("broken01", 70000, "file:broken01.pw", "colour: blue"),
                entry("broken02", 5432, "file:../x")));

        awaitStatus("good.yaml", "APPLIED");
        Map<String, Object> broken = awaitStatus("broken.yaml", "FAILED");

        assertThat(source("broken01")).isEmpty();
        assertThat(source("broken02")).isEmpty();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) broken.get("errors");
        assertThat(errors).anySatisfy(error -> assertThat(error).containsEntry("field", "dataSources[0].port")
                .containsEntry("line", 8).containsEntry("message", "must be between 1 and 65535"));
        assertThat(errors).anySatisfy(error -> assertThat(error).containsEntry("field", "dataSources[0].colour")
                .containsEntry("line", 12).containsEntry("message", "is not a field of a data source"));
        assertThat(errors).anySatisfy(error -> assertThat(error).containsEntry("field", "dataSources[1].passwordRef")
                .containsEntry("message", "must not leave DSM_SECRETS_DIR (no .. in the path)"));
    }

    @Test
    void aFileThatBreaksAfterAnApplyChangesNothingNotEvenItsPrune() {
        write("breaks.yaml", file(true, entry("keep01", 5432, "file:keep01.pw"), entry("keep02", 5432, "file:keep02.pw")));
        awaitStatus("breaks.yaml", "APPLIED");

        write("breaks.yaml", file(true, entry("keep01", 0, "file:keep01.pw")));

        awaitStatus("breaks.yaml", "FAILED");
        assertThat(source("keep01").orElseThrow().getInt("port")).isEqualTo(5432);
        assertThat(source("keep02")).isPresent();
    }

    @Test
    void prunesTheSourcesItNoLongerListsWhenPruneIsTrue() {
        write("pruned.yaml", file(true, entry("stays01", 5432, "file:stays01.pw"), entry("goes01", 5432, "file:goes01.pw")));
        awaitStatus("pruned.yaml", "APPLIED");

        write("pruned.yaml", file(true, entry("stays01", 5432, "file:stays01.pw")));

        eventually().until(() -> source("goes01").isEmpty());
        assertThat(source("stays01")).isPresent();
    }

    @Test
    void releasesTheSourcesItNoLongerListsWhenPruneIsFalseSoThatTheApiCanManageThem() {
        write("released.yaml", file(false, entry("free01", 5432, "file:free01.pw")));
        awaitStatus("released.yaml", "APPLIED");

        write("released.yaml", file(false));

        eventually().until(() -> source("free01").orElseThrow().getString("provisionedBy") == null);
        given().delete("/api/datasources/" + source("free01").orElseThrow().getString("id")).then().statusCode(204);
    }

    @Test
    void removesTheSourcesOfADeletedFileThatPruned() {
        write("gone.yaml", file(true, entry("gone01", 5432, "file:gone01.pw")));
        awaitStatus("gone.yaml", "APPLIED");

        ProvisioningFiles.delete("gone.yaml");

        awaitStatus("gone.yaml", "REMOVED");
        assertThat(source("gone01")).isEmpty();
    }

    @Test
    void refusesAnIdentifierThatAnotherFileDeclares() {
        write("first.yaml", file(false, entry("shared01", 5432, "file:shared01.pw")));
        awaitStatus("first.yaml", "APPLIED");

        write("second.yaml", file(false, entry("SHARED01", 5433, "file:shared01.pw")));

        Map<String, Object> second = awaitStatus("second.yaml", "FAILED");
        assertThat(second.get("errors").toString()).contains("first.yaml");
        assertThat(source("shared01").orElseThrow().getInt("port")).isEqualTo(5432);
    }

    @Test
    void connectsWithASecretHoldingDollarsQuotesAndATrailingNewlineExactlyAsWritten() throws IOException {
        String password = "pw-$HOME-'q'-\"dq\"-${x}-$$";
        SecretLeakGuard.rememberSecret(password);
        target.execute("CREATE ROLE dollars LOGIN PASSWORD $pw$" + password + "$pw$",
                "GRANT CONNECT ON DATABASE " + TargetServer.DATABASE + " TO dollars");
        Files.writeString(Folders.secrets().resolve("dollars.pw"), password + "\n");
        write("dollars.yaml", file(false, entry("dollars01", target.port(), "file:dollars.pw").replace("username: migrator",
                "username: dollars")));
        awaitStatus("dollars.yaml", "APPLIED");
        String id = source("dollars01").orElseThrow().getString("id");

        String result = given().post("/api/datasources/" + id + "/test-connection").then().statusCode(200)
                .body("checks.find { it.name == 'AUTHENTICATION' }.status", equalTo("PASSED")).extract().asString();

        assertThat(result).doesNotContain(password);
        String audit = given().queryParam("dataSourceId", id).get("/api/audit").then().extract().asString();
        assertThat(audit).doesNotContain(password);
    }

    @Test
    void exportsTheRegisteredSourcesAsAFileThatAppliesWithoutAnyPassword() {
        String identifier = DataSources.uniqueIdentifier("clicked_by-");
        DataSources.create(DataSources.primary(identifier));
        // Digits and an underscore: an integer to YAML 1.1 unless the export quotes it.
        String numeric = "1_" + Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000L);
        DataSources.create(DataSources.primary(numeric));

        String exported = given().accept("application/yaml").get("/api/datasources/export").then().statusCode(200)
                .contentType(containsString("application/yaml")).extract().asString();

        assertThat(exported).contains("apiVersion: dsm/v1").contains("identifier: " + identifier)
                .contains("passwordRef: file:" + identifier + ".pw").doesNotContain(DataSources.PASSWORD);
        write("exported.yaml", exported);
        awaitStatus("exported.yaml", "APPLIED");
        assertThat(source(identifier).orElseThrow().getString("provisionedBy")).isEqualTo("exported.yaml");
        assertThat(source(numeric).orElseThrow().getString("provisionedBy")).isEqualTo("exported.yaml");
        // Gone without prune: what it adopted is managed through the API again, for the other tests.
        ProvisioningFiles.delete("exported.yaml");
        awaitStatus("exported.yaml", "REMOVED");
        assertThat(source(identifier).orElseThrow().getString("provisionedBy")).isNull();
    }

    @Test
    void exportsPasswordFilesUnderNamesNoOtherIdentifierCanHave() {
        String identifier = DataSources.uniqueIdentifier("pg-hz-");
        DataSources.create(DataSources.primaryStandby(identifier));
        DataSources.create(DataSources.primary(identifier + "-standby"));

        String exported = given().accept("application/yaml").get("/api/datasources/export").then().statusCode(200).extract().asString();

        assertThat(exported).containsOnlyOnce("passwordRef: file:" + identifier + ".pw")
                .containsOnlyOnce("passwordRef: file:" + identifier + ".standby.pw")
                .containsOnlyOnce("passwordRef: file:" + identifier + "-standby.pw");
    }

    @Test
    void appliesAFileWhoseIdentifiersHoldHyphensAndUnderscores() {
        write("punctuated.yaml", file(false, entry("pg-hz-02", 5432, "file:pg-hz-02.pw"), entry("orders_file", 5432, "file:orders_file.pw")));

        Map<String, Object> status = awaitStatus("punctuated.yaml", "APPLIED");

        assertThat(status).containsEntry("dataSources", 2).containsEntry("errors", List.of());
        assertThat(source("pg-hz-02").orElseThrow().getString("passwordRef")).isEqualTo("file:pg-hz-02.pw");
        assertThat(source("orders_file").orElseThrow().getString("provisionedBy")).isEqualTo("punctuated.yaml");
    }

    @Test
    void letsOnlyAnAdminExport() {
        io.dsm.testing.TestUsers.as(io.dsm.common.security.Role.OPERATOR).accept("application/yaml").get("/api/datasources/export")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
