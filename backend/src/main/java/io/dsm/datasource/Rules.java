package io.dsm.datasource;

/**
 * A data source's field rules, defined once: the request records' constraints, their OpenAPI schema
 * (which the console validates with), the list parameters and the checks between fields share them.
 */
public final class Rules {

    /**
     * ASCII only: identifiers name files (an export's {@code file:<identifier>.pw}), metric labels and URLs, and are
     * unique ignoring case, which Java's and PostgreSQL's lower() agree on for ASCII whatever the store's locale.
     */
    public static final String IDENTIFIER = "^[A-Za-z0-9_-]{1,32}$";
    public static final String IDENTIFIER_RULE = "1 to 32 ASCII letters, digits, underscores (_) or hyphens (-), without spaces";
    /** Constraint messages are keys of ValidationMessages*.properties, which has them in each language. */
    public static final String IDENTIFIER_MESSAGE = "{constraint.identifier}";
    public static final int IDENTIFIER_MAX = 32;
    /** No whitespace and none of the characters that carry URL or JDBC syntax. */
    public static final String HOST_CHARACTERS = "^[^\\s/?#&;=@,\\\\'\"`%]*$";
    public static final String HOST_CHARACTERS_MESSAGE = "{constraint.host.characters}";
    public static final int HOST_MAX = 253;
    public static final String HOST_MAX_MESSAGE = "{constraint.host.max}";
    public static final int PORT_MIN = 1;
    public static final int PORT_MAX = 65535;
    public static final String PORT_MESSAGE = "{constraint.port}";
    /** PostgreSQL's NAMEDATALEN - 1: the longest user, database or schema name, in bytes. */
    public static final int NAME_MAX = 63;
    public static final String NAME_MAX_MESSAGE = "{constraint.name.max}";
    public static final String NAME_BYTES_MESSAGE = "{constraint.name.bytes}";
    public static final int REMARKS_MAX = 128;
    public static final String REMARKS_MAX_MESSAGE = "{constraint.remarks.max}";
    public static final String REQUIRED_MESSAGE = "{constraint.required}";
    public static final int PASSWORD_MAX = 1024;
    /** The shape of a password reference; {@link io.dsm.common.secrets.SecretReference} has the whole rule. */
    public static final String PASSWORD_REF = "^(file:[^/\\\\~].*|env:DSM_SOURCE_[A-Z0-9_]+)$";
    public static final int PASSWORD_REF_MAX = io.dsm.common.secrets.SecretReference.MAX_LENGTH;
    /**
     * The fields a saved password is bound to, as JSON paths ({@link io.dsm.datasource.service.PasswordScope} compares
     * them; host names ignoring case): changing one needs the password again. Published in the OpenAPI document as
     * {@value #PASSWORD_SCOPE_EXTENSION}, so that the console asks for the password as soon as one changes.
     */
    public static final String PASSWORD_SCOPE = "[\"host\", \"port\", \"username\", \"tls.mode\", \"tls.caCertificate\"]";
    /** As {@link #PASSWORD_SCOPE}, for the standby's password; an absent standby.username is the primary's username. */
    public static final String STANDBY_PASSWORD_SCOPE = "[\"standby.host\", \"standby.port\", \"standby.username\", \"tls.mode\", "
            + "\"tls.caCertificate\"]";
    public static final String PASSWORD_SCOPE_EXTENSION = "x-dsm-password-scope";

    private Rules() {
    }
}
