package io.dsm.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeysTest {

    @Test
    void generatesAKeyFileOnceReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data").resolve(SecretKeys.KEY_FILE);
        SecretCipher first = SecretKeys.fromKeyFile(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        SecretCipher second = SecretKeys.fromKeyFile(file);
        assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
    }
}
