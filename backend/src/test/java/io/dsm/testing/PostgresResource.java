package io.dsm.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Gives each Quarkus test application its own real PostgreSQL as dsm's store. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static TestDatabase database;

    @Override
    public Map<String, String> start() {
        database = TestDatabase.start();
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.username(),
                "quarkus.datasource.password", database.password());
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
            database = null;
        }
    }

    /** The store of the application under test, for reading what was written. */
    public static TestDatabase database() {
        return database;
    }
}
