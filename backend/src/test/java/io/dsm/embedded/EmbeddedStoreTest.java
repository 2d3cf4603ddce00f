package io.dsm.embedded;

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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new embedded store, started as dsm starts it: it admits only the holder of its password. */
class EmbeddedStoreTest {

    @TempDir
    static Path dataDir;
    private static StoreLog log;
    private static EmbeddedStore.Login login;

    @BeforeAll
    static void start() {
        log = new StoreLog();
        login = EmbeddedStore.start(dataDir);
    }

    @AfterAll
    static void stop() {
        EmbeddedStore.stop();
        log.close();
    }

    @Test
    void asksEveryConnectionForItsPasswordBeforeAnythingElse() throws Exception {
        assertThat(firstAuthenticationRequest(EmbeddedStore.port().orElseThrow())).isEqualTo(AUTHENTICATION_SASL);
    }

    @Test
    void refusesAConnectionWithoutAPassword() {
        assertThatThrownBy(() -> DriverManager.getConnection(login.jdbcUrl(), "postgres", null).close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState())
                        // 08004: pgjdbc gives up by itself when the server asks for SCRAM and it has no password
                        .as(e.getMessage()).isIn("28P01", "28000", "08004"));
    }

    @Test
    void refusesAConnectionWithAWrongPassword() {
        assertThatThrownBy(() -> DriverManager.getConnection(login.jdbcUrl(), "postgres", "not-" + login.password()).close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
    }

    @Test
    void signsInWithThePasswordKeptInTheDataDirectory() throws Exception {
        String kept = Files.readString(dataDir.resolve(StorePassword.FILE)).strip();
        assertThat(kept).isEqualTo(login.password()).hasSizeGreaterThanOrEqualTo(40);
        try (Connection connection = DriverManager.getConnection(login.jdbcUrl(), "postgres", kept)) {
            assertThat(connection.isValid(5)).isTrue();
        }
        assertThat(login.toString()).doesNotContain(kept);
    }

    @Test
    void keepsThePasswordFileReadableAndWritableByItsOwnerOnly() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(StorePassword.FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    void hasNoTrustRuleNoBrokenRuleAndNoUnixSocket() throws Exception {
        try (Connection connection = DriverManager.getConnection(login.jdbcUrl(), login.username(), login.password());
                Statement statement = connection.createStatement()) {
            assertThat(strings(statement, "SELECT auth_method FROM pg_hba_file_rules")).isNotEmpty().containsOnly("scram-sha-256");
            assertThat(strings(statement, "SELECT error FROM pg_hba_file_rules WHERE error IS NOT NULL")).isEmpty();
            assertThat(strings(statement, "SHOW unix_socket_directories")).containsExactly("");
            assertThat(strings(statement, "SHOW password_encryption")).containsExactly("scram-sha-256");
        }
    }

    @Test
    void unpacksPostgresqlIntoAFolderOnlyItsOwnerCanEnter() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(StoreBinaries.FOLDER))))
                .isEqualTo("rwx------");
    }

    @Test
    void doesNotCallANewStoreAnUpgrade() {
        assertThat(log.containing("Upgraded")).isEmpty();
        assertThat(log.containing(login.password())).isEmpty();
    }
}
