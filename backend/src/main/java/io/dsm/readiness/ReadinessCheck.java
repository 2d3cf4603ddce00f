package io.dsm.readiness;

import static io.dsm.readiness.ReadinessScope.FULL_MIGRATION;
import static io.dsm.readiness.ReadinessScope.INCREMENTAL_SYNC;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The catalogue of readiness checks: every check a connection test runs to find out whether a
 * source will work for full migration and for incremental sync. Its ids are stable; the README's
 * "Migration readiness" section and {@code GET /api/readiness/checks} are made from this list.
 */
@Schema(name = "ReadinessCheckId", description = "The stable id of a readiness check; GET /api/readiness/checks describes each.")
public enum ReadinessCheck {
    SERVER_VERSION("server.version", "Supported version", INCREMENTAL_SYNC, """
            The server runs PostgreSQL 10 to 18. Logical decoding with pgoutput needs PostgreSQL 10 or later (a \
            blocker below); versions after 18 are not verified yet (a warning).""", """
            Upgrade the server, or migrate it with full migration only."""),
    SERVER_WAL_LEVEL("server.wal_level", "wal_level is logical", INCREMENTAL_SYNC, """
            Logical decoding needs `wal_level = logical`; with `replica` or `minimal` no slot can be created.""", """
            `ALTER SYSTEM SET wal_level = logical;` and restart the server. On a managed service, set its flag \
            instead (see server.provider_logical_decoding)."""),
    SERVER_PROVIDER_LOGICAL_DECODING("server.provider_logical_decoding", "Managed service's logical decoding flag", INCREMENTAL_SYNC, """
            On Amazon RDS and Aurora, Azure Database for PostgreSQL and Google Cloud SQL (recognised from the \
            server's own settings) logical decoding is switched on by a provider flag, not by `ALTER SYSTEM`: \
            `rds.logical_replication`, `azure.replication_support`, `cloudsql.logical_decoding`.""", """
            Set the flag with the provider's console or CLI (RDS: the DB parameter group, then reboot; Azure: \
            server parameters, then restart; Cloud SQL: the database flag, which restarts the instance)."""),
    SERVER_REPLICATION_SLOTS("server.replication_slots", "Free replication slots", INCREMENTAL_SYNC, """
            `max_replication_slots` minus the slots that exist, in any database. Each incremental sync project \
            takes one slot: none free is a blocker, one free a warning (a second project, or a re-sync that \
            creates its new slot before dropping the old one, finds none).""", """
            Drop slots nobody consumes (`SELECT pg_drop_replication_slot('name');`), or raise \
            `max_replication_slots` and restart."""),
    SERVER_WAL_SENDERS("server.wal_senders", "Free WAL senders", INCREMENTAL_SYNC, """
            `max_wal_senders` minus the WAL senders running now (standbys, other CDC consumers). Streaming \
            changes takes one; none free is a blocker.""", """
            Raise `max_wal_senders` and restart, or stop an unused consumer."""),
    SERVER_MAX_SLOT_WAL_KEEP_SIZE("server.max_slot_wal_keep_size", "WAL kept for slots is bounded", INCREMENTAL_SYNC, """
            With `max_slot_wal_keep_size = -1` (the default) a slot whose consumer stops keeps WAL until the \
            disk is full and the server stops (a warning). PostgreSQL 12 and older cannot bound it (info).""", """
            `ALTER SYSTEM SET max_slot_wal_keep_size = '<size>'; SELECT pg_reload_conf();` with a size the WAL \
            disk can hold; watch slots (slots.inactive) either way."""),
    SERVER_RECOVERY("server.recovery", "Incremental sync reads a server that can decode", INCREMENTAL_SYNC, """
            A server in recovery (a standby) cannot decode before PostgreSQL 16: incremental sync pointed at it cannot \
            create its slot (a blocker). From 16 a standby decodes when its primary runs `wal_level = logical`, but \
            without `hot_standby_feedback = on` and a `primary_slot_name` the primary's vacuum removes catalog rows the \
            slot still needs and the server invalidates it (a warning); before 17 the slot does not follow a failover \
            (info). On a standby, creating the slot waits for the primary's next running-transactions record.""", """
            Point incremental sync at the primary. To decode on a standby of PostgreSQL 16 or later: \
            `ALTER SYSTEM SET hot_standby_feedback = on;`, a physical slot on the primary named in `primary_slot_name`, \
            then `SELECT pg_reload_conf();`; when a slot creation waits, `SELECT pg_log_standby_snapshot();` on the \
            primary ends the wait."""),
    SERVER_STANDBY_READS("server.standby_reads", "Long reads are not cancelled on a standby", FULL_MIGRATION, """
            On a standby, replaying the primary's changes conflicts with a long read when the primary's vacuum removed \
            rows the read still sees: once `max_standby_streaming_delay` (`max_standby_archive_delay` when replaying \
            from an archive) has passed, the read is cancelled (SQLSTATE 40001), unless `hot_standby_feedback` is on. \
            Feedback off with a delay other than -1 is a warning for full migration from a standby.""", """
            On the standby: `ALTER SYSTEM SET hot_standby_feedback = on; SELECT pg_reload_conf();` (the primary then \
            keeps the rows the standby's reads need, so its tables may bloat while they run). Or \
            `max_standby_streaming_delay = -1`: replay waits for the reads, and the standby lags behind meanwhile."""),
    ROLE_REPLICATION("role.replication", "User may replicate", INCREMENTAL_SYNC, """
            The user has the REPLICATION attribute or is a superuser, or on Amazon RDS is a member of \
            `rds_replication`. REPLICATION is not inherited: a member of a role that has it does not count.""", """
            `ALTER ROLE <user> REPLICATION;` (Amazon RDS: `GRANT rds_replication TO <user>;`)."""),
    ROLE_PUBLICATION("role.publication", "A publication can be had", INCREMENTAL_SYNC, """
            Incremental sync needs a publication of the tables in scope. A publication that covers them all \
            already exists, or the user can create one: CREATE on the database, and ownership of the tables for \
            a FOR TABLE publication (FOR ALL TABLES and FOR TABLES IN SCHEMA need a superuser).""", """
            Have a superuser or the tables' owner create the publication (the finding gives the statement), or \
            `GRANT CREATE ON DATABASE <db> TO <user>;` and make the user the tables' owner."""),
    ROLE_SELECT("role.select", "SELECT on every table in scope", Set.of(FULL_MIGRATION, INCREMENTAL_SYNC), """
            The user can read every table, view and sequence in scope: the schema set on the data source, or \
            every schema the user can use when none is set, and the partitions of its tables in any schema. A \
            migration reads them all and fails on the first it cannot read.""", """
            `GRANT SELECT ON ALL TABLES IN SCHEMA <schema> TO <user>;` and the same for sequences."""),
    ROLE_READ_ONLY("role.read_only", "The user's transactions can write", INCREMENTAL_SYNC, """
            With `default_transaction_read_only = on` for the user, its database or the server, every transaction \
            of the project's sessions is read-only: CREATE PUBLICATION and the heartbeat's writes fail (SQLSTATE \
            25006). A blocker with heartbeats on, or when no publication covers the tables in scope yet; otherwise a \
            warning. Not checked on a server in recovery, where everything is read-only.""", """
            `ALTER ROLE <user> IN DATABASE <db> SET default_transaction_read_only = off;`: it wins over the value \
            of the user, the database and the server."""),
    ROLE_CONNECTION_LIMIT("role.connection_limit", "Connections are left for the project", Set.of(FULL_MIGRATION, INCREMENTAL_SYNC), """
            The user's and the database's CONNECTION LIMIT, minus the other sessions open now that the server counts \
            against them (dsm's own test connections left out): regular sessions, and on PostgreSQL 12 WAL senders too, \
            which 12 also refuses past the limit (13 to 17, as tested, count no WAL sender). No connection left, \
            or on 12 too few for incremental sync's session and WAL sender, is a blocker; fewer than \
            DSM_READINESS_PROJECT_SESSIONS (4), the sessions a project opens at once, is a warning. Superusers are \
            exempt from both limits.""", """
            `ALTER ROLE <user> CONNECTION LIMIT -1;` or `ALTER DATABASE <db> CONNECTION LIMIT -1;`, or a limit with \
            room for the project's sessions."""),
    ROLE_TIMEOUTS("role.timeouts", "No timeout cuts a long copy", FULL_MIGRATION, """
            `statement_timeout`, `idle_in_transaction_session_timeout` and (PostgreSQL 17 and later) \
            `transaction_timeout`, as a new session of the user gets them. A full migration reads each table in one \
            statement and may hold one transaction open for the whole copy. A blocker when `statement_timeout` is \
            shorter than reading the largest table in scope, or a transaction timeout shorter than reading them all, \
            at an estimated 100 MB/s from the pages counted by the last VACUUM or ANALYZE; any other non-zero \
            value is a warning.""", """
            `ALTER ROLE <user> IN DATABASE <db> SET statement_timeout = 0;`, and the same for each timeout that is set."""),
    ROLE_PASSWORD_EXPIRY("role.password_expiry", "The password does not expire soon", Set.of(FULL_MIGRATION, INCREMENTAL_SYNC), """
            After the moment a role's `VALID UNTIL` names, no new session of the user can sign in with its password \
            (SQLSTATE 28P01), in the middle of a migration too. A password that expires within \
            DSM_READINESS_PASSWORD_EXPIRY_WARNING (30 days) is a warning.""", """
            `ALTER ROLE <user> VALID UNTIL 'infinity';`, or a moment after the migration ends."""),
    REPLICATION_CONNECTION("replication.connection", "A replication connection is accepted", INCREMENTAL_SYNC, """
            dsm opens a logical replication connection (`replication=database`) as the user, from dsm's address, \
            within the test's timeout, and runs one command: `CREATE_REPLICATION_SLOT` of a temporary slot (see \
            slots.creation), or `IDENTIFY_SYSTEM` where DSM_READINESS_SLOT_PROBE leaves the probe out. This proves \
            what the catalog cannot: that pg_hba.conf, poolers and proxies let a replication connection through and a \
            WAL sender is free. No publication and no lasting slot is created. Like the test's own sign-in, it never \
            sends the password in cleartext to a server TLS did not verify: it is then a blocker that says so.""", """
            Follow the server's message: pg_hba.conf must allow the user from dsm's address (with scram-sha-256 \
            rather than password or md5), poolers such as PgBouncer must be bypassed, and the user needs \
            REPLICATION."""),
    SLOTS_INACTIVE("slots.inactive", "No abandoned slot in this database", INCREMENTAL_SYNC, """
            Each replication slot of this database: active or not, the WAL it retains, and its `wal_status` \
            (PostgreSQL 13 and later). An inactive slot keeps WAL forever and holds back vacuum; one whose WAL \
            was removed (`lost`) can never be resumed. Warnings, with the slots' names.""", """
            Drop the slots no consumer will come back for: `SELECT pg_drop_replication_slot('name');`."""),
    SLOTS_WAL_RETENTION("slots.wal_retention", "Slots keep WAL within bounds", INCREMENTAL_SYNC, """
            How much WAL each replication slot of this database holds on the server's disk, and its `wal_status`. \
            An inactive slot that retains DSM_WATCH_SLOT_WARNING_BYTES (1 GiB by default) or more, or a slot whose \
            `wal_status` is `unreserved` (its WAL is about to be removed), is a warning. A slot whose WAL was removed \
            (`lost`) is a warning too: its consumer can never resume and must start over, and it still takes one of \
            `max_replication_slots`, but it does not stop a new project. The watch exports the same numbers as \
            metrics.""", """
            Resume the slot's consumer, or drop the slot if none will come back: \
            `SELECT pg_drop_replication_slot('name');`. Bound the damage with `max_slot_wal_keep_size`."""),
    SLOTS_CREATION("slots.creation", "A slot can be created now", INCREMENTAL_SYNC, """
            Creating a logical replication slot waits until every transaction that held a transaction id when it \
            started has ended, in any database. A prepared transaction (PREPARE TRANSACTION) holds one until someone \
            commits or rolls it back: a blocker that names its gid, database and age. A session whose transaction has \
            held one longer than DSM_READINESS_LONG_TRANSACTION (5 minutes) is a warning that names its pid, \
            application and age; the server shows how long other users' transactions have run only to members of \
            `pg_read_all_stats`, so those are counted. With DSM_READINESS_SLOT_PROBE on (tests and re-checks by \
            default) the server itself is asked: dsm creates a TEMPORARY logical slot, which the server drops when dsm \
            disconnects, and a creation still waiting after DSM_READINESS_SLOT_PROBE_WAIT (1 s) is a blocker.""", """
            Ask the owner, then `COMMIT PREPARED '<gid>';` or `ROLLBACK PREPARED '<gid>';` in its database; end a \
            forgotten session with `SELECT pg_terminate_backend(<pid>);`."""),
    PUBLICATIONS_COVERAGE("publications.coverage", "Publications cover the tables in scope", INCREMENTAL_SYNC, """
            Every publication that publishes a table in scope, and which tables in scope each one leaves out, or \
            publishes only in part (column lists and row filters, PostgreSQL 15 and later). Whether one covers them \
            all is decided over every publication; publications that touch no table in scope are not findings. A \
            publication cannot hold unlogged or temporary tables, so they do not count against it (tables.unlogged \
            reports them). A project that uses an incomplete publication never sees the changes of the tables left \
            out.""", """
            `ALTER PUBLICATION <name> ADD TABLE ...;` for the tables left out (the finding gives the statement)."""),
    PUBLICATIONS_OPERATIONS("publications.operations", "Publications publish every change", INCREMENTAL_SYNC, """
            A publication that covers tables in scope but does not publish inserts, updates, deletes or \
            truncates drops those changes.""", """
            `ALTER PUBLICATION <name> SET (publish = 'insert, update, delete, truncate');`."""),
    PUBLICATIONS_HEARTBEAT_TABLE("publications.heartbeat_table", "The heartbeat table is published", INCREMENTAL_SYNC, """
            With heartbeats on, the heartbeat table must be in every publication that is not FOR ALL TABLES: a \
            beat outside the publication produces no change event, so an idle source's slot does not advance and \
            WAL grows.""", """
            `ALTER PUBLICATION <name> ADD TABLE <schema>.oms_postgres_heartbeat;`."""),
    PUBLICATIONS_IDENTITY_COLUMNS("publications.identity_columns", "Row filters and column lists keep the replica identity",
            INCREMENTAL_SYNC, """
            PostgreSQL 15 and later: in a publication that publishes updates or deletes, a table's row filter may use \
            only its replica identity columns (any column under REPLICA IDENTITY FULL), and its column list must \
            include every identity column (under FULL, no column list is allowed). Otherwise the server refuses \
            every UPDATE and DELETE on the table now, not only once a project starts: a blocker. Partitions \
            published through their root (`publish_via_partition_root`) are held to the root's filter and list.""", """
            `ALTER TABLE <table> REPLICA IDENTITY FULL;` for a row filter on other columns; for a column list, \
            drop the table from the publication and add it back with the identity columns in the list (the \
            finding gives the statements)."""),
    TABLES_REPLICA_IDENTITY("tables.replica_identity", "Every table has a replica identity", INCREMENTAL_SYNC, """
            The replica identity as the server decides it: under REPLICA IDENTITY DEFAULT only a primary key that \
            is valid and not DEFERRABLE counts; REPLICA IDENTITY NOTHING is none. A table without one has no \
            identity for its updated and deleted rows: decoding drops them, and once the table is in a publication \
            that publishes updates or deletes, every UPDATE and DELETE on it fails on the source. Partitions of \
            tables in scope are checked wherever they live.""", """
            Add a primary key (not DEFERRABLE), or `ALTER TABLE <table> REPLICA IDENTITY FULL;`."""),
    TABLES_REPLICA_IDENTITY_INDEX("tables.replica_identity_index", "Replica identity indexes are valid", INCREMENTAL_SYNC, """
            A table with REPLICA IDENTITY USING INDEX whose index the server cannot use has no identity, like \
            NOTHING: the index must be valid (not left by a failed CREATE INDEX CONCURRENTLY), unique, immediate \
            (not DEFERRABLE), not partial and on NOT NULL columns, and must still exist. Partitions of tables in \
            scope are checked wherever they live.""", """
            Rebuild the index (`REINDEX INDEX CONCURRENTLY <index>;`) or `ALTER TABLE <table> REPLICA IDENTITY \
            FULL;`."""),
    TABLES_UNLOGGED("tables.unlogged", "No unlogged table", INCREMENTAL_SYNC, """
            Unlogged tables are not written to the WAL, so their changes are never decoded: incremental sync \
            silently misses them, and no publication can hold them. Partitions of tables in scope are checked \
            wherever they live.""", """
            `ALTER TABLE <table> SET LOGGED;`, or leave the table out of the project."""),
    TABLES_PARTITIONED("tables.partitioned", "Partitioned tables are published as one table", INCREMENTAL_SYNC, """
            Changes to a partitioned table are decoded as changes of its partitions unless the publication is \
            created with `publish_via_partition_root = true` (PostgreSQL 13 and later; older servers cannot \
            publish a partitioned table at all).""", """
            Create the publication `WITH (publish_via_partition_root = true)`, or `ALTER PUBLICATION <name> SET \
            (publish_via_partition_root = true);`."""),
    TABLES_LARGE_OBJECTS("tables.large_objects", "No large objects", Set.of(FULL_MIGRATION, INCREMENTAL_SYNC), """
            Columns of type `oid` or `lo` point at large objects, whose content lives in `pg_largeobject`: \
            logical decoding does not carry it, and copying the table copies only the numbers. A warning only when \
            the database has large objects; with none, such columns hold plain numbers. Large objects but no such \
            column is info: a table copy leaves them behind.""", """
            Move the content into `bytea` columns, or migrate the large objects separately."""),
    TABLES_SEQUENCES("tables.sequences", "Sequences are set at cutover", INCREMENTAL_SYNC, """
            Logical decoding does not carry sequence values: after incremental sync the target's sequences are \
            behind (info).""", """
            At cutover, run the finding's query on the source and its output on the target."""),
    TABLES_GENERATED_COLUMNS("tables.generated_columns", "Generated columns reach the target", INCREMENTAL_SYNC, """
            Logical decoding does not send the values of generated columns before PostgreSQL 18: the target must \
            compute them itself, with the same `GENERATED ALWAYS AS` expression, or never gets them (a warning). \
            From 18, stored generated columns are sent by a publication with `publish_generated_columns = stored` \
            (or whose column list names them); virtual ones are never sent.""", """
            Define the same generated columns on the target; on PostgreSQL 18, `ALTER PUBLICATION <name> SET \
            (publish_generated_columns = stored);`."""),
    TABLES_UNCHANGED_TOAST("tables.unchanged_toast", "Unchanged TOASTed values are sent", INCREMENTAL_SYNC, """
            An UPDATE that leaves a TOASTed value (a large text, bytea or jsonb value stored out of line) \
            unchanged is decoded without that value, marked as unchanged, unless the table has REPLICA IDENTITY \
            FULL: an applier that writes whole rows must keep the value the target has. Info, since PostgreSQL's \
            own subscriber and appliers that update only the columns they receive lose nothing. A table counts \
            when its TOAST relation has pages as of its last VACUUM.""", """
            `ALTER TABLE <table> REPLICA IDENTITY FULL;` sends the old row whole, TOASTed values included; the \
            cost is WAL: every UPDATE and DELETE then logs the whole old row."""),
    TABLES_ROW_SECURITY("tables.row_security", "Row-level security hides no row from the copy", FULL_MIGRATION, """
            A table with row-level security shows a user who is neither its owner (membership counts) nor BYPASSRLS \
            only the rows its policies allow, and FORCE ROW LEVEL SECURITY filters the owner too: a copy gets part \
            of the table without an error (with `row_security = off`, as pg_dump sets it, the read fails instead). \
            A blocker, unless a permissive policy lets the user read every row and no restrictive policy filters \
            its reads. Superusers and BYPASSRLS users pass. Partitions of tables in scope are checked wherever they \
            live: read through its root a partition's own policies do not apply, read on its own they do.""", """
            The table's owner: `CREATE POLICY dsm_migration_read ON <table> FOR SELECT TO <user> USING (true);`. \
            Or a superuser: `ALTER ROLE <user> BYPASSRLS;`, which lifts row-level security for the user on every \
            table."""),
    TABLES_MATERIALIZED_VIEWS("tables.materialized_views", "Materialized views are populated", FULL_MIGRATION, """
            Materialized views are part of the scope a copy reads. One created or refreshed `WITH NO DATA` has never \
            been populated, and reading it fails (SQLSTATE 55000): a blocker.""", """
            `REFRESH MATERIALIZED VIEW <view>;` as its owner (it runs the view's query and locks the view against \
            reads meanwhile)."""),
    TABLES_READABLE("tables.readable", "Views and foreign tables can be read", FULL_MIGRATION, """
            What the catalog cannot tell, the server is asked: dsm starts `SELECT FROM <relation> LIMIT 0` on each \
            view and foreign table in scope the user may read, at the end of the test's own round trip. Starting the \
            plan checks the privileges of a view's owner and opens a foreign table's connection; no row is \
            fetched. One that fails (a view whose owner lost a privilege, SQLSTATE 42501; a foreign server that \
            refuses the connection, 08001) is a blocker with the server's message. At most 100 are tried per check, \
            within DSM_READINESS_PROBE_BUDGET (50 ms); one that is locked is left after 100 ms. Those not tried are \
            counted (info). PostgreSQL 10 and later; foreign tables from 17 on, since before 17 a session cannot be             interrupted while it connects to a foreign server (older servers count them as not tried).""", """
            Grant the view's owner SELECT on what the view reads; for a foreign table, create the user mapping and \
            make the foreign server reachable."""),
    TABLES_INHERITANCE("tables.inheritance", "No legacy inheritance", FULL_MIGRATION, """
            A table with inheritance children (`INHERITS`, not declarative partitions) returns its children's rows \
            in a plain SELECT too: a copy of the parent and of its children copies those rows twice, or into the \
            parent on the target. A warning.""", """
            Copy the parent with `SELECT ... FROM ONLY <parent>` and each child as a table of its own, or turn \
            the hierarchy into declarative partitions.""");

    private final String id;
    private final String title;
    private final Set<ReadinessScope> scopes;
    private final String description;
    private final String remedy;

    ReadinessCheck(String id, String title, ReadinessScope scope, String description, String remedy) {
        this(id, title, Set.of(scope), description, remedy);
    }

    ReadinessCheck(String id, String title, Set<ReadinessScope> scopes, String description, String remedy) {
        this.id = id;
        this.title = title;
        this.scopes = scopes;
        this.description = description;
        this.remedy = remedy;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The scopes a finding of this check can concern, in catalogue order. */
    public Set<ReadinessScope> scopes() {
        return EnumSet.copyOf(scopes);
    }

    public String description() {
        return description;
    }

    public String remedy() {
        return remedy;
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
