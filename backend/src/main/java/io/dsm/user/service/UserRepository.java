package io.dsm.user.service;

import java.sql.Timestamp;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dsm.common.security.Role;
import io.dsm.user.UserEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<UserEntity, UUID> {

    public Optional<UserEntity> findByUsername(String username) {
        return find("lower(username) = ?1", username.toLowerCase(Locale.ROOT)).firstResultOptional();
    }

    public long countAdmins() {
        return count("role", Role.ADMIN);
    }

    /**
     * Inserts the user unless the name is taken, as one statement: instances starting together race
     * on it, and the loser must find out without an error in its log.
     *
     * @return whether this call inserted the user
     */
    public boolean insertUnlessTaken(UserEntity user) {
        return getEntityManager().createNativeQuery("""
                INSERT INTO app_user (id, username, role, password_hash, created_at, updated_at, version)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0) ON CONFLICT DO NOTHING""")
                .setParameter(1, user.id).setParameter(2, user.username).setParameter(3, user.role.name())
                .setParameter(4, user.passwordHash).setParameter(5, Timestamp.from(user.createdAt))
                .setParameter(6, Timestamp.from(user.updatedAt)).executeUpdate() == 1;
    }
}
