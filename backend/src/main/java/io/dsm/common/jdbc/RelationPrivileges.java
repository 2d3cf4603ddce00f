package io.dsm.common.jdbc;

/**
 * Whether the session's user may SELECT a relation, exactly as the server's own check decides
 * (pg_class_aclmask), for catalog scans over every relation of a schema. has_table_privilege looks
 * each relation up again in the catalog cache, which a fresh backend fills one relation at a time:
 * over 10,000 tables that cost it 50-110 ms of CPU (bench/readiness.sh's database, PostgreSQL 15).
 * A relation whose ACL is the default (relacl NULL, most of them) needs no lookup: only its owner
 * and whoever has the owner's privileges may read it (pg_has_role ... USAGE, true for a superuser
 * too), and from PostgreSQL 14 a member of pg_read_all_data. Any other ACL is left to the server.
 */
public final class RelationPrivileges {

    private static final String READS_ALL_DATA = "(SELECT pg_has_role(r.oid, 'USAGE') FROM pg_roles r WHERE r.rolname = 'pg_read_all_data')";

    private RelationPrivileges() {
    }

    /** @param relation the alias of a pg_class row in the query */
    public static String canSelect(String relation) {
        return "CASE WHEN %1$s.relacl IS NULL THEN pg_has_role(%1$s.relowner, 'USAGE') OR %2$s IS TRUE ELSE has_table_privilege(%1$s.oid, 'SELECT') END"
                .formatted(relation, READS_ALL_DATA);
    }
}
