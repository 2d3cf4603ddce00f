package io.dsm.audit;

/** What an audit event records. */
public enum AuditAction {
    SIGN_IN,
    SIGN_OUT,
    DATA_SOURCE_CREATED,
    DATA_SOURCE_UPDATED,
    DATA_SOURCE_DELETED,
    CONNECTION_TESTED,
    USER_CREATED,
    USER_UPDATED,
    USER_DELETED,
    PASSWORD_CHANGED,
    SECRET_KEY_ROTATED
}
