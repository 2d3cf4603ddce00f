package io.dsm.datasource;

import static io.dsm.testing.DataSources.primary;
import static io.dsm.testing.DataSources.primaryStandby;
import static io.dsm.testing.DataSources.uniqueIdentifier;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.dsm.testing.ApiTest;
import io.dsm.testing.DataSourceBody;
import io.dsm.testing.StandbyBody;
import io.quarkus.test.junit.QuarkusTest;

/** Each rule of the resource, one invalid value at a time, answered by a violation on its field. */
@QuarkusTest
class FieldRulesTest extends ApiTest {

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of("identifier", "with space", "without spaces"),
                Arguments.of("identifier", "pg-hz-" + "x".repeat(27), "1 to 32"),
                Arguments.of("identifier", "", "1 to 32"),
                Arguments.of("identifier", "naïve", "ASCII"),
                Arguments.of("identifier", "订单库", "ASCII"),
                Arguments.of("identifier", "pg.hz.01", "underscores (_) or hyphens (-)"),
                Arguments.of("attribute", "MASTER", "PRIMARY, PRIMARY_STANDBY, STANDBY, CHILD_NODE"),
                Arguments.of("host", "", "is required"),
                Arguments.of("host", "db host", "whitespace"),
                Arguments.of("host", "db/1", "/"),
                Arguments.of("host", "db?x=1", "?"),
                Arguments.of("host", "db#frag", "#"),
                Arguments.of("host", "a&b", "&"),
                Arguments.of("host", "a;b", ";"),
                Arguments.of("host", "a=b", "="),
                Arguments.of("host", "user@db", "@"),
                Arguments.of("host", "db1,db2", ","),
                Arguments.of("host", "a\\b", "\\"),
                Arguments.of("host", "db'x", "quotes"),
                Arguments.of("host", "db\"x", "quotes"),
                Arguments.of("host", "999.1.1.1", "IPv4"),
                Arguments.of("host", "db.example.com:5432", "IPv6"),
                Arguments.of("host", "-leading.example", "DNS name"),
                Arguments.of("host", "a." + "b".repeat(252), "253"),
                Arguments.of("port", 0, "between 1 and 65535"),
                Arguments.of("port", 65536, "between 1 and 65535"),
                Arguments.of("port", "abc", "integer"),
                Arguments.of("username", "", "is required"),
                Arguments.of("username", "u".repeat(64), "63 characters"),
                Arguments.of("username", "é".repeat(32), "63 bytes"),
                Arguments.of("databaseName", "d".repeat(64), "63 characters"),
                Arguments.of("schemaName", "é".repeat(40), "63 bytes"),
                Arguments.of("remarks", "r".repeat(129), "128 characters"),
                Arguments.of("heartbeatEnabled", "yes", "true or false"),
                Arguments.of("password", "", "is required"),
                Arguments.of("password", "p".repeat(1025), "1024"),
                Arguments.of("region", "mars", "must be one of: default"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidValues")
    void rejectsAnInvalidValueNamingItsField(String field, Object value, String messagePart) {
        DataSourceBody body = primary(uniqueIdentifier("rule"));
        body.with(field, value);
        given().body(body).post("/api/datasources")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", contains(field))
                .body("violations[0].message", containsString(messagePart));
    }

    @ParameterizedTest
    @ValueSource(strings = { "db.internal.example", "192.168.1.10", "::1", "fe80::1", "[2001:db8::1]",
            "2001:db8::ffff:10.0.0.1", "my_host", "localhost", "PG-01.example.COM" })
    void acceptsIpv4Ipv6AndDnsNames(String host) {
        DataSourceBody body = primary(uniqueIdentifier("host")).host(host);
        given().body(body).post("/api/datasources").then().statusCode(201).body("host", equalTo(host));
    }

    @ParameterizedTest
    @ValueSource(strings = { "STANDBY", "CHILD_NODE" })
    void rejectsHeartbeatForDatabasesThatAreNotPrimaries(String attribute) {
        DataSourceBody body = primary(uniqueIdentifier("hb")).attribute(attribute).heartbeat(true);
        given().body(body).post("/api/datasources")
                .then().statusCode(400)
                .body("violations.field", contains("heartbeatEnabled"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "PRIMARY", "PRIMARY_STANDBY" })
    void acceptsHeartbeatForPrimaries(String attribute) {
        DataSourceBody body = primaryStandby(uniqueIdentifier("hb"));
        if (!attribute.equals("PRIMARY_STANDBY")) {
            body.without("standby");
        }
        body.attribute(attribute);
        body.heartbeat(true);
        given().body(body).post("/api/datasources").then().statusCode(201).body("heartbeatEnabled", equalTo(true));
    }

    @ParameterizedTest
    @ValueSource(strings = { "PRIMARY", "STANDBY", "CHILD_NODE" })
    void rejectsAStandbyWithAnyAttributeButPrimaryStandby(String attribute) {
        DataSourceBody body = primaryStandby(uniqueIdentifier("sb")).attribute(attribute);
        given().body(body).post("/api/datasources")
                .then().statusCode(400)
                .body("violations.field", contains("standby"))
                .body("violations[0].message", containsString("only with attribute PRIMARY_STANDBY"));
    }

    @org.junit.jupiter.api.Test
    void requiresAStandbyWithPrimaryStandby() {
        DataSourceBody body = primary(uniqueIdentifier("sb")).attribute("PRIMARY_STANDBY");
        given().body(body).post("/api/datasources")
                .then().statusCode(400)
                .body("violations.field", contains("standby"))
                .body("violations[0].message", containsString("required"));
    }

    @org.junit.jupiter.api.Test
    void namesInvalidStandbyFieldsByTheirPath() {
        DataSourceBody body = primaryStandby(uniqueIdentifier("sb")).standby(StandbyBody.at("bad host", 70000).password(""));
        given().body(body).post("/api/datasources")
                .then().statusCode(400)
                .body("violations", hasSize(3))
                .body("violations.field", contains("standby.host", "standby.password", "standby.port"));
    }
}
