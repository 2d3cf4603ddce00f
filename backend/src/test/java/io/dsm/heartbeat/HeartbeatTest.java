package io.dsm.heartbeat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.OptionalLong;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
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

/** The heartbeat writer against real PostgreSQL targets. */
@QuarkusTest
@TestProfile(FastHeartbeatProfile.class)
class HeartbeatTest extends ApiTest {

    @StartedTarget
    static TargetServer target;

    private static final java.util.concurrent.atomic.AtomicInteger SCHEMAS = new java.util.concurrent.atomic.AtomicInteger();

    /** A schema of its own for each test, so that one test's beats never show in another's table. */
    static String freshSchema() {
        String schema = "hb" + SCHEMAS.incrementAndGet();
        target.execute("CREATE SCHEMA " + schema, "GRANT USAGE, CREATE ON SCHEMA " + schema + " TO " + TargetServer.MIGRATOR);
        return schema;
    }

    static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100));
    }

    static DataSourceBody heartbeatSource(TargetServer server, String schema) {
        DataSourceBody body = DataSourceBody.migrator(server.port()).identifier(DataSources.uniqueIdentifier("hb")).heartbeat(true);
        return schema == null ? body : body.heartbeatSchema(schema);
    }

    static OptionalLong ts(TargetServer server, String schema) {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + server.port() + "/" + TargetServer.DATABASE, "postgres", "");
                ResultSet row = connection.createStatement().executeQuery(
                        "SELECT ts FROM \"" + schema + "\".oms_postgres_heartbeat WHERE id = 1")) {
            return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
        } catch (SQLException noTableYet) {
            return OptionalLong.empty();
        }
    }

    static JsonPath status(String id) {
        return DataSources.read(id);
    }

    static void awaitAdvancing(TargetServer server, String schema) {
        eventually().until(() -> ts(server, schema).isPresent());
        long first = ts(server, schema).getAsLong();
        eventually().until(() -> ts(server, schema).getAsLong() > first);
    }

    @Test
    void createsTheTableAndKeepsItsTimestampAdvancing() {
        String hb = freshSchema();
        String id = DataSources.create(heartbeatSource(target, hb)).getString("id");
        awaitAdvancing(target, hb);
        eventually().untilAsserted(() -> {
            JsonPath read = status(id);
            assertThat(read.getString("heartbeat.state")).isEqualTo("ACTIVE");
            assertThat(read.getString("heartbeat.lastBeatAt")).isNotNull();
            assertThat(read.getInt("heartbeat.consecutiveFailures")).isZero();
        });
        assertThat(ts(target, hb).getAsLong()).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(5L));
        given().delete("/api/datasources/" + id + "?dropHeartbeatTable=true").then().statusCode(204);
    }

    @Test
    void beatsIntoATableADbaCreatedForAUserWhoMayOnlyWriteIt() {
        target.execute("CREATE SCHEMA dba_made", "CREATE TABLE dba_made.oms_postgres_heartbeat (id int NOT NULL DEFAULT 1 PRIMARY KEY, ts bigint)",
                "GRANT USAGE ON SCHEMA dba_made TO " + TargetServer.READER,
                "GRANT SELECT, INSERT, UPDATE, DELETE ON dba_made.oms_postgres_heartbeat TO " + TargetServer.READER);
        DataSourceBody body = heartbeatSource(target, "dba_made")
                .username(TargetServer.READER)
                .password(TargetServer.READER_PASSWORD);
        String id = DataSources.create(body).getString("id");
        awaitAdvancing(target, "dba_made");
        given().delete("/api/datasources/" + id).then().statusCode(204);
    }

    @Test
    void reportsPendingBeforeTheFirstBeat() {
        String hb = freshSchema();
        DataSourceBody body = heartbeatSource(target, hb).host("127.0.0.1");
        String id = given().body(body).post("/api/datasources").then().statusCode(201)
                .body("heartbeat.state", equalTo("PENDING")).extract().path("id");
        given().delete("/api/datasources/" + id + "?dropHeartbeatTable=true").then().statusCode(204);
    }

    @Test
    void failsClearlyForAUserWithoutCreateWhileAnotherDataSourceKeepsBeating() {
        String readerSchema = freshSchema();
        String writerSchema = freshSchema();
        target.execute("GRANT USAGE ON SCHEMA " + readerSchema + " TO " + TargetServer.READER);
        DataSourceBody reader = heartbeatSource(target, readerSchema)
                .username(TargetServer.READER)
                .password(TargetServer.READER_PASSWORD);
        String readerId = DataSources.create(reader).getString("id");
        String writerId = DataSources.create(heartbeatSource(target, writerSchema)).getString("id");

        eventually().untilAsserted(() -> {
            JsonPath read = status(readerId);
            assertThat(read.getString("heartbeat.state")).isEqualTo("FAILING");
            assertThat(read.getString("heartbeat.lastError"))
                    .isEqualTo("permission denied to create table in schema \"" + readerSchema + "\"");
            assertThat(read.getInt("heartbeat.consecutiveFailures")).isPositive();
        });
        awaitAdvancing(target, writerSchema);
        eventually().untilAsserted(() -> assertThat(status(writerId).getString("heartbeat.state")).isEqualTo("ACTIVE"));
        given().delete("/api/datasources/" + readerId).then().statusCode(204);
        given().delete("/api/datasources/" + writerId).then().statusCode(204);
    }

    @Test
    void recreatesATableDroppedBehindItsBack() {
        String hb = freshSchema();
        String id = DataSources.create(heartbeatSource(target, hb)).getString("id");
        awaitAdvancing(target, hb);
        target.execute("DROP TABLE " + hb + ".oms_postgres_heartbeat");
        awaitAdvancing(target, hb);
        assertThat(status(id).getString("heartbeat.state")).isEqualTo("ACTIVE");
        given().delete("/api/datasources/" + id + "?dropHeartbeatTable=true").then().statusCode(204);
    }

    @Test
    void stopsBeatingWhenHeartbeatIsTurnedOff() throws Exception {
        String hb = freshSchema();
        DataSourceBody body = heartbeatSource(target, hb);
        String id = DataSources.create(body).getString("id");
        awaitAdvancing(target, hb);
        body.heartbeat(false);
        body.version(0);
        given().body(body).put("/api/datasources/" + id).then().statusCode(200).body("heartbeat.state", equalTo("DISABLED"));
        assertNoMoreBeats(target, hb);
        given().delete("/api/datasources/" + id + "?dropHeartbeatTable=true").then().statusCode(204);
    }

    @Test
    void stopsBeatingWhenTheDataSourceIsDeletedAndKeepsTheTable() throws Exception {
        String hb = freshSchema();
        String id = DataSources.create(heartbeatSource(target, hb)).getString("id");
        awaitAdvancing(target, hb);
        given().delete("/api/datasources/" + id).then().statusCode(204);
        assertNoMoreBeats(target, hb);
        assertThat(ts(target, hb)).isPresent();
        target.execute("DROP TABLE " + hb + ".oms_postgres_heartbeat");
    }

    @Test
    void dropsTheTableWhenAsked() {
        String hb = freshSchema();
        String id = DataSources.create(heartbeatSource(target, hb)).getString("id");
        awaitAdvancing(target, hb);
        given().delete("/api/datasources/" + id + "?dropHeartbeatTable=true").then().statusCode(204);
        assertThat(ts(target, hb)).isEmpty();
        given().get("/api/datasources/" + id).then().statusCode(404);
    }

    @Test
    void warnsAboutAPublicationThatLeavesTheHeartbeatTableOut() {
        String hb = freshSchema();
        target.execute("CREATE PUBLICATION orders_only FOR TABLE sales.orders");
        try {
            String id = DataSources.create(heartbeatSource(target, hb)).getString("id");
            eventually().untilAsserted(() -> assertThat(status(id).getString("heartbeat.warning"))
                    .contains("orders_only").contains(hb + ".oms_postgres_heartbeat"));
            assertThat(status(id).getString("heartbeat.state")).isEqualTo("ACTIVE");
            given().delete("/api/datasources/" + id + "?dropHeartbeatTable=true").then().statusCode(204);
        } finally {
            target.execute("DROP PUBLICATION orders_only");
        }
    }

    @Test
    void neverSendsThePasswordToAnUnverifiedServerThatAsksForItInCleartext() throws Exception {
        try (CleartextPasswordServer fake = new CleartextPasswordServer()) {
            String id = DataSources.create(heartbeatSource(target, "hb_fake").port(fake.port())).getString("id");
            eventually().untilAsserted(() -> {
                JsonPath read = status(id);
                assertThat(read.getString("heartbeat.state")).isEqualTo("FAILING");
                assertThat(read.getString("heartbeat.lastError")).startsWith("The server asked for the password in cleartext "
                        + "(pg_hba method `password`), and TLS did not verify the server's identity");
            });
            given().delete("/api/datasources/" + id + "?dropHeartbeatTable=true").then().statusCode(409)
                    .body("detail", containsString("asked for the password in cleartext"));
            given().delete("/api/datasources/" + id).then().statusCode(204);
            // the beat's connection and the table's removal both asked
            fake.awaitEnded(2);
            assertThat(fake.startups()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(fake.passwords()).isEmpty();
        }
    }

    private static void assertNoMoreBeats(TargetServer server, String schema) throws InterruptedException {
        // A beat already running when the change committed may still land; after that, none.
        Thread.sleep(FastHeartbeatProfile.INTERVAL_MS * 2);
        long settled = ts(server, schema).getAsLong();
        Thread.sleep(Math.max(2100, FastHeartbeatProfile.INTERVAL_MS * 4));
        assertThat(ts(server, schema).getAsLong()).isEqualTo(settled);
    }
}
