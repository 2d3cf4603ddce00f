package io.dsm.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.dsm.common.crypto.Secret;
import io.dsm.common.security.Role;
import io.dsm.user.api.UserInput;

class UserInputTest {

    private static final String PASSWORD = "pw-Never-Shown-4f1a";

    @Test
    void neverShowsTheUsersPasswordInItsTextOrItsJson() throws Exception {
        UserInput input = new UserInput("jane.doe", Role.VIEWER, Secret.of(PASSWORD), null);
        assertThat(input.toString()).doesNotContain(PASSWORD).contains("jane.doe");
        assertThat(new ObjectMapper().writeValueAsString(input)).doesNotContain(PASSWORD);
    }
}
