package io.dsm.provisioning;

import static io.dsm.provisioning.ProvisioningFiles.awaitStatus;
import static io.dsm.provisioning.ProvisioningFiles.entry;
import static io.dsm.provisioning.ProvisioningFiles.file;
import static io.dsm.provisioning.ProvisioningFiles.write;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dsm.testing.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A provisioning file's errors, found with no one asking, are shown in the language of whoever reads them later. */
@QuarkusTest
@TestProfile(ProvisioningProfile.class)
class ProvisioningLanguageTest extends ApiTest {

    @Test
    void aFileErrorIsShownInChineseToAChineseReaderAndInEnglishByDefault() {
        write("language.yaml", file(false, entry("language01", 70000, "file:language01.pw", "colour: blue")));
        awaitStatus("language.yaml", "FAILED");

        assertThat(errors("zh-CN")).anySatisfy(error -> assertThat(error).containsEntry("field", "dataSources[0].port")
                .containsEntry("line", 8).containsEntry("message", "必须在 1 到 65535 之间"));
        assertThat(errors("zh-CN")).anySatisfy(error -> assertThat(error).containsEntry("field", "dataSources[0].colour")
                .containsEntry("message", "不是数据源的字段"));
        assertThat(errors(null)).anySatisfy(error -> assertThat(error).containsEntry("field", "dataSources[0].port")
                .containsEntry("message", "must be between 1 and 65535"));
    }

    private static List<Map<String, Object>> errors(String language) {
        var request = given();
        if (language != null) {
            request.header("Accept-Language", language);
        }
        List<Map<String, Object>> files = request.get("/api/provisioning").then().statusCode(200).extract().jsonPath().getList("files");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) files.stream()
                .filter(file -> "language.yaml".equals(file.get("file"))).findFirst().orElseThrow().get("errors");
        return errors;
    }
}
