package io.dsm.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.dsm.user.service.PasswordHasher;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS);

    @Test
    void acceptsThePasswordItHashed() {
        assertThat(PasswordHasher.matches("correct horse battery", hasher.hash("correct horse battery"))).isTrue();
    }

    @Test
    void rejectsAnyOtherPassword() {
        assertThat(PasswordHasher.matches("correct horse batterY", hasher.hash("correct horse battery"))).isFalse();
    }

    @Test
    void storesTheSchemeAndOwaspIterationCountButNotThePassword() {
        String hash = hasher.hash("correct horse battery");
        assertThat(hash).startsWith("pbkdf2-sha256$600000$").doesNotContain("correct");
    }

    @Test
    void saltsEachHashSoEqualPasswordsLookDifferent() {
        assertThat(hasher.hash("correct horse battery")).isNotEqualTo(hasher.hash("correct horse battery"));
    }

    @Test
    void rejectsHashesInAnUnknownFormat() {
        assertThat(PasswordHasher.matches("x", "md5$abc")).isFalse();
    }
}
