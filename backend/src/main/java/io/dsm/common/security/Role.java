package io.dsm.common.security;

import java.util.Set;

/** What a user may do. Each role includes the ones below it, so endpoints name the least role they need. */
public enum Role {
    VIEWER,
    OPERATOR,
    ADMIN;

    /** Names for {@code @RolesAllowed}: constants, because annotations need them. */
    public static final String VIEWER_NAME = "VIEWER";
    public static final String OPERATOR_NAME = "OPERATOR";
    public static final String ADMIN_NAME = "ADMIN";

    /** The role names a user with this role holds: its own and every lesser one. */
    public Set<String> granted() {
        return switch (this) {
            case VIEWER -> Set.of(VIEWER_NAME);
            case OPERATOR -> Set.of(VIEWER_NAME, OPERATOR_NAME);
            case ADMIN -> Set.of(VIEWER_NAME, OPERATOR_NAME, ADMIN_NAME);
        };
    }
}
