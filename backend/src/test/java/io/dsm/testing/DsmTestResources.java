package io.dsm.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Every Quarkus test application gets a real PostgreSQL store. */
@QuarkusTestResource(PostgresResource.class)
public final class DsmTestResources {

    private DsmTestResources() {
    }
}
