package io.dsm.user;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.dsm.common.security.Role;

/** A person or service that signs in to dsm. Only a slow, salted hash of the password is kept. */
@Entity
@Table(name = "app_user")
public class UserEntity {

    @Id
    public UUID id;

    public String username;

    @Enumerated(EnumType.STRING)
    public Role role;

    public String passwordHash;

    public Instant createdAt;

    public Instant updatedAt;

    @Version
    public long version;
}
