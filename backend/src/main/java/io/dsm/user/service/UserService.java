package io.dsm.user.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.dsm.audit.AuditAction;
import io.dsm.audit.AuditOutcome;
import io.dsm.audit.Change;
import io.dsm.audit.service.AuditEntry;
import io.dsm.audit.service.AuditLog;
import io.dsm.common.i18n.Text;
import io.dsm.common.problem.ProblemException;
import io.dsm.common.problem.StaleVersion;
import io.dsm.common.problem.Violation;
import io.dsm.common.security.Role;
import io.dsm.user.UserEntity;
import io.dsm.user.api.UserInput;
import io.dsm.user.api.UserResponse;

/** Managing users (administrators) and one's own password. Each public method is one transaction. */
@ApplicationScoped
public class UserService {

    @Inject
    UserRepository users;
    @Inject
    PasswordHasher hasher;
    @Inject
    RememberedCredentials credentials;
    @Inject
    UserSessions sessions;
    @Inject
    AuditLog audit;
    @Inject
    UserRules rules;
    @Inject
    CurrentPasswordCheck currentPasswords;

    @Transactional
    public List<UserResponse> list() {
        return users.listAll(io.quarkus.panache.common.Sort.by("username")).stream().map(UserService::toResponse).toList();
    }

    @Transactional
    public UserResponse get(UUID id) {
        return toResponse(find(id));
    }

    @Transactional
    public UserResponse create(UserInput input) {
        rules.check(input, UserRules.Purpose.CREATE, input.username());
        if (users.findByUsername(input.username()).isPresent()) {
            throw usernameTaken(input.username());
        }
        UserEntity user = new UserEntity();
        user.id = UUID.randomUUID();
        user.username = input.username();
        user.role = input.role();
        user.passwordHash = hasher.hash(input.password().reveal());
        user.createdAt = now();
        user.updatedAt = user.createdAt;
        try {
            users.persist(user);
            users.flush();
        } catch (org.hibernate.exception.ConstraintViolationException raced) {
            throw usernameTaken(input.username());
        }
        audit.record(new AuditEntry(AuditAction.USER_CREATED, AuditOutcome.SUCCESS, null, null,
                List.of(new Change("username", null, user.username), new Change("role", null, user.role.name()),
                        Change.ofSecret("password")), "user " + user.username));
        return toResponse(user);
    }

    @Transactional
    public UserResponse update(UUID id, UserInput input) {
        UserEntity user = find(id);
        rules.check(input, UserRules.Purpose.UPDATE, user.username);
        if (input.version() != user.version) {
            throw StaleVersion.of("stale.user");
        }
        List<Change> changes = new ArrayList<>();
        if (input.role() != user.role) {
            if (user.role == Role.ADMIN) {
                requireAnotherAdmin(user, "problem.user.last-admin.demoted");
            }
            changes.add(new Change("role", user.role.name(), input.role().name()));
            user.role = input.role();
        }
        if (input.password() != null) {
            user.passwordHash = hasher.hash(input.password().reveal());
            changes.add(Change.ofSecret("password"));
            sessions.endAllOf(user.id, Optional.empty());
        }
        user.updatedAt = now();
        users.flush();
        credentials.forget(user.username);
        audit.record(new AuditEntry(AuditAction.USER_UPDATED, AuditOutcome.SUCCESS, null, null, changes, "user " + user.username));
        return toResponse(user);
    }

    @Transactional
    public void delete(UUID id, UUID actingUserId) {
        UserEntity user = find(id);
        if (Objects.equals(id, actingUserId)) {
            throw ProblemException.conflict(Text.of("problem.user.delete-self"), List.of());
        }
        if (user.role == Role.ADMIN) {
            requireAnotherAdmin(user, "problem.user.last-admin.deleted");
        }
        users.delete(user);
        credentials.forget(user.username);
        audit.record(new AuditEntry(AuditAction.USER_DELETED, AuditOutcome.SUCCESS, null, null,
                List.of(new Change("username", user.username, null), new Change("role", user.role.name(), null)),
                "user " + user.username));
    }

    /**
     * A signed-in user's own password; the current one proves it is them, not someone at their unlocked
     * screen. Checking it is throttled and audited like a sign-in, so that a stolen session cannot guess it.
     */
    @Transactional
    public void changeOwnPassword(UUID userId, String currentPassword, String newPassword, Optional<String> keepSession) {
        UserEntity user = find(userId);
        List<Violation> violations = PasswordRules.none();
        if (currentPassword == null || currentPassword.isEmpty()) {
            violations.add(Violation.of("currentPassword", "constraint.required"));
        } else if (!currentPasswords.isCurrent(user.username, currentPassword, user.passwordHash)) {
            violations.add(Violation.of("currentPassword", "violation.password.not-current"));
        }
        PasswordRules.checkPassword("newPassword", newPassword, user.username, violations);
        if (violations.isEmpty() && newPassword.equals(currentPassword)) {
            violations.add(Violation.of("newPassword", "violation.password.unchanged"));
        }
        PasswordRules.throwIfAny(violations);
        user.passwordHash = hasher.hash(newPassword);
        user.updatedAt = now();
        sessions.endAllOf(user.id, keepSession);
        credentials.forget(user.username);
        audit.record(new AuditEntry(AuditAction.PASSWORD_CHANGED, AuditOutcome.SUCCESS, null, null,
                List.of(Change.ofSecret("password")), "user " + user.username));
    }

    /** @param refusal the catalogue's sentence for the last administrator's demotion or deletion */
    private void requireAnotherAdmin(UserEntity user, String refusal) {
        if (users.countAdmins() <= 1) {
            throw ProblemException.conflict(Text.of(refusal, user.username), List.of());
        }
    }

    private UserEntity find(UUID id) {
        return users.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("problem.user.not-found", id.toString()));
    }

    private static ProblemException usernameTaken(String username) {
        return ProblemException.conflict(Text.of("problem.user.taken", username),
                List.of(Violation.of("username", "violation.username.taken")));
    }

    static UserResponse toResponse(UserEntity user) {
        return new UserResponse(user.id, user.username, user.role, user.createdAt, user.updatedAt, user.version);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
