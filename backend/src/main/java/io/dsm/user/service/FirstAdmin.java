package io.dsm.user.service;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.dsm.common.security.Role;
import io.dsm.config.DsmConfig;
import io.dsm.user.UserEntity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Creates the first administrator, {@code admin}, when there is no user at all: with
 * DSM_ADMIN_PASSWORD when it is set, otherwise with a random password printed once to the console
 * (standard output, not the log), the way Grafana and Jenkins hand out their first password.
 * Instances starting together race on the unique username; only the one that inserts prints.
 */
@Singleton
public class FirstAdmin {

    static final String USERNAME = "admin";
    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    @Inject
    UserRepository users;
    @Inject
    DsmConfig config;
    @Inject
    PasswordHasher hasher;
    /** Where a generated password is printed once: standard output, never the log. */
    private final PrintStream console = System.out;

    void onStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(this::createIfNoUsers);
    }

    void createIfNoUsers() {
        if (users.count() > 0) {
            return;
        }
        boolean given = config.adminPassword().filter(p -> !p.isBlank()).isPresent();
        String password = given ? config.adminPassword().get() : randomPassword();
        UserEntity admin = new UserEntity();
        admin.id = UUID.randomUUID();
        admin.username = USERNAME;
        admin.role = Role.ADMIN;
        admin.passwordHash = hasher.hash(password);
        admin.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        admin.updatedAt = admin.createdAt;
        if (!users.insertUnlessTaken(admin)) {
            return;
        }
        if (given) {
            LOG.infof("Created the administrator '%s' with the password from DSM_ADMIN_PASSWORD", USERNAME);
        } else {
            console.printf("%n*** dsm created the administrator '%s' with the password: %s%n"
                    + "*** It is shown this once only. Sign in and change it, or set DSM_ADMIN_PASSWORD before the first start.%n%n",
                    USERNAME, password);
            console.flush();
        }
    }

    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
