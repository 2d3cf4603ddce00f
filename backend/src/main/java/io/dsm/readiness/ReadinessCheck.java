package io.dsm.readiness;

import static io.dsm.readiness.ReadinessScope.FULL_MIGRATION;
import static io.dsm.readiness.ReadinessScope.INCREMENTAL_SYNC;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

import io.dsm.common.i18n.Text;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The catalogue of readiness checks: every check a connection test runs to find out whether a
 * source will work for full migration and for incremental sync. Its ids are stable; the README's
 * "Migration readiness" section and {@code GET /api/readiness/checks} are made from this list, with the
 * words of each check from the catalogue ({@code i18n/messages*.properties}).
 */
@Schema(name = "ReadinessCheckId", description = "The stable id of a readiness check; GET /api/readiness/checks describes each.")
public enum ReadinessCheck {
    SERVER_VERSION("server.version", INCREMENTAL_SYNC),
    SERVER_WAL_LEVEL("server.wal_level", INCREMENTAL_SYNC),
    SERVER_PROVIDER_LOGICAL_DECODING("server.provider_logical_decoding", INCREMENTAL_SYNC),
    SERVER_REPLICATION_SLOTS("server.replication_slots", INCREMENTAL_SYNC),
    SERVER_WAL_SENDERS("server.wal_senders", INCREMENTAL_SYNC),
    SERVER_MAX_SLOT_WAL_KEEP_SIZE("server.max_slot_wal_keep_size", INCREMENTAL_SYNC),
    SERVER_RECOVERY("server.recovery", INCREMENTAL_SYNC),
    SERVER_STANDBY_READS("server.standby_reads", FULL_MIGRATION),
    ROLE_REPLICATION("role.replication", INCREMENTAL_SYNC),
    ROLE_PUBLICATION("role.publication", INCREMENTAL_SYNC),
    ROLE_SELECT("role.select", Set.of(FULL_MIGRATION, INCREMENTAL_SYNC)),
    ROLE_READ_ONLY("role.read_only", INCREMENTAL_SYNC),
    ROLE_CONNECTION_LIMIT("role.connection_limit", Set.of(FULL_MIGRATION, INCREMENTAL_SYNC)),
    ROLE_TIMEOUTS("role.timeouts", FULL_MIGRATION),
    ROLE_PASSWORD_EXPIRY("role.password_expiry", Set.of(FULL_MIGRATION, INCREMENTAL_SYNC)),
    REPLICATION_CONNECTION("replication.connection", INCREMENTAL_SYNC),
    SLOTS_INACTIVE("slots.inactive", INCREMENTAL_SYNC),
    SLOTS_WAL_RETENTION("slots.wal_retention", INCREMENTAL_SYNC),
    SLOTS_CREATION("slots.creation", INCREMENTAL_SYNC),
    PUBLICATIONS_COVERAGE("publications.coverage", INCREMENTAL_SYNC),
    PUBLICATIONS_OPERATIONS("publications.operations", INCREMENTAL_SYNC),
    PUBLICATIONS_HEARTBEAT_TABLE("publications.heartbeat_table", INCREMENTAL_SYNC),
    PUBLICATIONS_IDENTITY_COLUMNS("publications.identity_columns", INCREMENTAL_SYNC),
    TABLES_REPLICA_IDENTITY("tables.replica_identity", INCREMENTAL_SYNC),
    TABLES_REPLICA_IDENTITY_INDEX("tables.replica_identity_index", INCREMENTAL_SYNC),
    TABLES_UNLOGGED("tables.unlogged", INCREMENTAL_SYNC),
    TABLES_PARTITIONED("tables.partitioned", INCREMENTAL_SYNC),
    TABLES_LARGE_OBJECTS("tables.large_objects", Set.of(FULL_MIGRATION, INCREMENTAL_SYNC)),
    TABLES_SEQUENCES("tables.sequences", INCREMENTAL_SYNC),
    TABLES_GENERATED_COLUMNS("tables.generated_columns", INCREMENTAL_SYNC),
    TABLES_UNCHANGED_TOAST("tables.unchanged_toast", INCREMENTAL_SYNC),
    TABLES_ROW_SECURITY("tables.row_security", FULL_MIGRATION),
    TABLES_MATERIALIZED_VIEWS("tables.materialized_views", FULL_MIGRATION),
    TABLES_READABLE("tables.readable", FULL_MIGRATION),
    TABLES_INHERITANCE("tables.inheritance", FULL_MIGRATION);

    private final String id;
    private final Set<ReadinessScope> scopes;

    ReadinessCheck(String id, ReadinessScope scope) {
        this(id, Set.of(scope));
    }

    ReadinessCheck(String id, Set<ReadinessScope> scopes) {
        this.id = id;
        this.scopes = scopes;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public Text title() {
        return words("title");
    }

    /** The scopes a finding of this check can concern, in catalogue order. */
    public Set<ReadinessScope> scopes() {
        return EnumSet.copyOf(scopes);
    }

    /** What it checks and why it matters (Markdown). */
    public Text description() {
        return words("description");
    }

    /** How its findings are fixed in general (Markdown). */
    public Text remedy() {
        return words("remedy");
    }

    /** Its words live in the catalogue ({@code readinessCheck.<id>.*}), in every language dsm writes. */
    private Text words(String part) {
        return Text.of("readinessCheck." + id + "." + part);
    }

    /**
     * The most severe finding this check can raise: an acceptance of a check that can block needs an
     * expiry. Kept beside the rules that raise them; a change of severity in a rule changes this too.
     */
    public FindingSeverity worstSeverity() {
        return switch (this) {
            case SERVER_MAX_SLOT_WAL_KEEP_SIZE, SERVER_STANDBY_READS, ROLE_PASSWORD_EXPIRY, SLOTS_INACTIVE, SLOTS_WAL_RETENTION,
                    PUBLICATIONS_COVERAGE, PUBLICATIONS_OPERATIONS, PUBLICATIONS_HEARTBEAT_TABLE, TABLES_PARTITIONED,
                    TABLES_LARGE_OBJECTS, TABLES_GENERATED_COLUMNS, TABLES_INHERITANCE -> FindingSeverity.WARNING;
            case TABLES_SEQUENCES, TABLES_UNCHANGED_TOAST -> FindingSeverity.INFO;
            default -> FindingSeverity.BLOCKER;
        };
    }

    /**
     * Whether its findings name the objects (tables, slots, publications) they are about, so that an
     * acceptance must name them too. The slots a server.replication_slots finding lists and the sessions of
     * slots.creation are candidates to free, not what the finding is about: those checks name no object.
     */
    public boolean namesObjects() {
        return switch (this) {
            case ROLE_PUBLICATION, ROLE_SELECT, SLOTS_INACTIVE, SLOTS_WAL_RETENTION, PUBLICATIONS_COVERAGE,
                    PUBLICATIONS_HEARTBEAT_TABLE, PUBLICATIONS_IDENTITY_COLUMNS, TABLES_REPLICA_IDENTITY,
                    TABLES_REPLICA_IDENTITY_INDEX, TABLES_UNLOGGED, TABLES_PARTITIONED, TABLES_LARGE_OBJECTS, TABLES_SEQUENCES,
                    TABLES_GENERATED_COLUMNS, TABLES_UNCHANGED_TOAST, TABLES_ROW_SECURITY, TABLES_MATERIALIZED_VIEWS,
                    TABLES_READABLE, TABLES_INHERITANCE -> true;
            default -> false;
        };
    }

    /**
     * Whether a team may accept its findings. replication.connection is a connection check in all but
     * name: a source whose replication connection is refused cannot be reached for incremental sync.
     */
    public boolean acceptable() {
        return this != REPLICATION_CONNECTION;
    }

    public static ReadinessCheck byId(String id) {
        return Arrays.stream(values()).filter(check -> check.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No readiness check has the id " + id));
    }
}
