package io.dsm.readiness;

import static io.dsm.readiness.ReadinessAnswers.finding;
import static io.dsm.readiness.ReadinessAnswers.state;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;

/** Reading the findings of checks that concern full migration only, which decide its verdict. */
final class FullMigrationAnswers {

    private FullMigrationAnswers() {
    }

    /**
     * The check's finding, asserted to be of this severity, to concern full migration only and to make
     * its verdict BLOCKED (a blocker) or WARNINGS (a warning).
     */
    static Map<String, Object> fullMigrationFinding(JsonPath result, String check, String severity) {
        Map<String, Object> finding = finding(result, check);
        assertThat(finding).containsEntry("severity", severity);
        assertThat(finding.get("scopes")).isEqualTo(List.of("FULL_MIGRATION"));
        assertThat(state(result, "FULL_MIGRATION")).isEqualTo("BLOCKER".equals(severity) ? "BLOCKED" : "WARNINGS");
        return finding;
    }
}
