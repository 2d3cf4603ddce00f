package io.dsm.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dsm.datasource.StoredSource.StoredPassword;

/** A stored source travels between domains as a value: printing it must not carry its password's stored form along. */
class StoredSourceTest {

    private static final String SEALED = "v1:c2VhbGVkLXBhc3N3b3Jk";
    private static final String REFERENCE = "file:orders.pw";

    @Test
    void aStoredSourcePrintedNamesNeitherTheSealedPasswordNorTheReference() {
        StoredSource source = new StoredSource(UUID.randomUUID(), "orders01", 3, DatabaseAttribute.PRIMARY_STANDBY, "db.internal",
                5432, "dsm", new StoredPassword(SEALED, null), "orders", null, TlsMode.PREFER, null, true, null,
                new StoredSource.Standby("standby.internal", 5432, null, new StoredPassword(null, REFERENCE)));

        assertThat(source.toString()).contains("orders01").doesNotContain(SEALED).doesNotContain(REFERENCE);
    }

    @Test
    void aPasswordIsSavedWhenItIsSealedOrReferenced() {
        assertThat(new StoredPassword(SEALED, null).isSaved()).isTrue();
        assertThat(new StoredPassword(null, REFERENCE).isSaved()).isTrue();
        assertThat(StoredPassword.NONE.isSaved()).isFalse();
    }
}
