package io.dsm.readiness;

import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;

/** Reading the readiness part of a connection test's answer. */
final class ReadinessAnswers {

    private ReadinessAnswers() {
    }

    static List<Map<String, Object>> findings(JsonPath result) {
        return result.getList("readiness.findings");
    }

    static List<Map<String, Object>> findings(JsonPath result, String check) {
        return findings(result).stream().filter(f -> check.equals(f.get("check"))).toList();
    }

    static Map<String, Object> finding(JsonPath result, String check) {
        return findings(result, check).stream().findFirst()
                .orElseThrow(() -> new AssertionError("No " + check + " finding in " + findings(result)));
    }

    static boolean found(JsonPath result, String check) {
        return !findings(result, check).isEmpty();
    }

    static List<String> passed(JsonPath result) {
        List<Map<String, Object>> passed = result.getList("readiness.passed");
        return passed.stream().map(p -> (String) p.get("check")).toList();
    }

    static String passedMessage(JsonPath result, String check) {
        List<Map<String, Object>> passed = result.getList("readiness.passed");
        return passed.stream().filter(p -> check.equals(p.get("check"))).map(p -> (String) p.get("message")).findFirst()
                .orElseThrow(() -> new AssertionError("No passed " + check + " in " + passed));
    }

    static Map<String, Object> verdict(JsonPath result, String scope) {
        List<Map<String, Object>> verdicts = result.getList("readiness.verdicts");
        return verdicts.stream().filter(v -> scope.equals(v.get("scope"))).findFirst()
                .orElseThrow(() -> new AssertionError("No " + scope + " verdict in " + verdicts));
    }

    static String state(JsonPath result, String scope) {
        return (String) verdict(result, scope).get("state");
    }

    @SuppressWarnings("unchecked")
    static List<String> objectNames(Map<String, Object> finding) {
        return ((List<Map<String, Object>>) finding.get("objects")).stream().map(o -> (String) o.get("name")).toList();
    }

    @SuppressWarnings("unchecked")
    static List<String> objectDetails(Map<String, Object> finding) {
        return ((List<Map<String, Object>>) finding.get("objects")).stream().map(o -> (String) o.get("detail")).toList();
    }
}
