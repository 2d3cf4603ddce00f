package io.dsm.embedded;

import static io.dsm.testing.PostgresHandshake.AUTHENTICATION_OK;
import static io.dsm.testing.PostgresHandshake.AUTHENTICATION_SASL;
import static io.dsm.testing.PostgresHandshake.firstAuthenticationRequest;
import static io.dsm.embedded.StoreQueries.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded store brings its data directory back to password sign-in at every start: one an
 * older dsm made, a trust line added by hand, a lost or exposed password file.
 */
class EmbeddedStoreUpgradeTest {

    /** A store that has started once already, for the tests that change something between starts. */
    @TempDir
    static Path used;
    private final StoreLog log = new StoreLog();

    @BeforeAll
    static void startOnce() {
        EmbeddedStore.start(used);
        EmbeddedStore.stop();
    }

    @AfterEach
    void stop() {
        EmbeddedStore.stop();
        log.close();
    }

    @Test
    void upgradesADataDirectoryOfAnOlderDsmInPlaceOnceAndKeepsItsData(@TempDir Path dataDir) throws Exception {
        Path pgData = dataDir.resolve("postgres");
        // What dsm did before: zonky's defaults, so initdb -A trust and a pg_hba.conf of trust lines.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "localhost").start()) {
            assertThat(firstAuthenticationRequest(old.getPort())).as("the old store trusts local connections").isEqualTo(AUTHENTICATION_OK);
            try (Connection connection = old.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (v text)");
                statement.execute("INSERT INTO kept VALUES ('written before the upgrade')");
            }
        }
        assertThat(dataDir.resolve(StorePassword.FILE)).doesNotExist();

        EmbeddedStore.Login login = EmbeddedStore.start(dataDir);

        assertThat(firstAuthenticationRequest(EmbeddedStore.port().orElseThrow())).isEqualTo(AUTHENTICATION_SASL);
        assertThat(Files.readString(pgData.resolve("pg_hba.conf"))).isEqualTo(StoreAuthentication.HBA).doesNotContain("trust");
        try (Connection connection = DriverManager.getConnection(login.jdbcUrl(), login.username(), login.password());
                Statement statement = connection.createStatement()) {
            assertThat(strings(statement, "SELECT v FROM kept")).containsExactly("written before the upgrade");
        }
        EmbeddedStore.stop();
        EmbeddedStore.start(dataDir);
        assertThat(log.containing("Upgraded the embedded store")).as("said on the start that upgraded, and only then")
                .hasSize(1).allSatisfy(line -> assertThat(line).doesNotContain(login.password()));
    }

    @Test
    void rewritesATrustLineAddedByHand() throws Exception {
        Path hba = used.resolve("postgres/pg_hba.conf");
        Files.writeString(hba, "host all all 127.0.0.1/32 trust\n" + Files.readString(hba));

        EmbeddedStore.start(used);

        assertThat(Files.readString(hba)).isEqualTo(StoreAuthentication.HBA);
        assertThat(firstAuthenticationRequest(EmbeddedStore.port().orElseThrow())).isEqualTo(AUTHENTICATION_SASL);
    }

    @Test
    void replacesADeletedPasswordFileAndTheRolesPasswordWithIt() throws Exception {
        Path file = used.resolve(StorePassword.FILE);
        String lost = Files.readString(file).strip();
        Files.delete(file);

        EmbeddedStore.Login login = EmbeddedStore.start(used);

        assertThat(login.password()).isNotEqualTo(lost).isEqualTo(Files.readString(file).strip());
        assertThatThrownBy(() -> DriverManager.getConnection(login.jdbcUrl(), "postgres", lost).close())
                .as("the lost password no longer signs in")
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
        assertThat(log.containing("new password")).hasSize(1);
    }

    @Test
    void replacesAPasswordFileThatOtherUsersCouldRead() throws Exception {
        Path file = used.resolve(StorePassword.FILE);
        String exposed = Files.readString(file).strip();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        EmbeddedStore.Login login = EmbeddedStore.start(used);

        assertThat(login.password()).isNotEqualTo(exposed);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
