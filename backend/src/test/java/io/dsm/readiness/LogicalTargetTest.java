package io.dsm.readiness;

import static io.dsm.connection.TestBodies.test;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import io.dsm.testing.ApiTest;
import io.dsm.testing.LogicalTarget;
import io.restassured.path.json.JsonPath;

/** A readiness fixture class: one logical-decoding server for its tests, each in a database of its own. */
public abstract class LogicalTargetTest extends ApiTest {

    protected static LogicalTarget target;

    @BeforeAll
    protected static void startTarget() {
        target = LogicalTarget.start(null);
    }

    @AfterAll
    protected static void stopTarget() {
        target.close();
    }

    /** The connection test of the database's schema app, as the migration user. */
    static JsonPath inspect(String database) {
        return test(target.source(database));
    }
}
