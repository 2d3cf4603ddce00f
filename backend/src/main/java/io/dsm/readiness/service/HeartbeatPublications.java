package io.dsm.readiness.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.dsm.common.i18n.Text;
import io.dsm.common.jdbc.CatalogBatch;
import io.dsm.common.jdbc.SqlIdentifiers;

/**
 * The readiness check publications.heartbeat_table, for connection tests and for the heartbeat
 * writer alike: publications that are not FOR ALL TABLES and leave the heartbeat table out, so that
 * their subscribers get no change event from the beats.
 */
public final class HeartbeatPublications {

    /**
     * Read from the catalogs rather than the pg_publication_tables view, which expands every
     * publication's tables (and costs a fresh backend the view's rewrite). %s: FOR TABLES IN SCHEMA,
     * PostgreSQL 15 and later.
     */
    private static final String SQL = """
            SELECT p.pubname FROM pg_publication p
            WHERE NOT p.puballtables
              AND NOT EXISTS (SELECT FROM pg_publication_rel r JOIN pg_class c ON c.oid = r.prrelid
                              JOIN pg_namespace n ON n.oid = c.relnamespace
                              WHERE r.prpubid = p.oid AND n.nspname = ? AND c.relname = ?)%s
            ORDER BY p.pubname""";
    private static final String IN_SCHEMA = """

              AND NOT EXISTS (SELECT FROM pg_publication_namespace pn JOIN pg_namespace n ON n.oid = pn.pnnspid
                              WHERE pn.pnpubid = p.oid AND n.nspname = ?)""";

    private HeartbeatPublications() {
    }

    static CatalogBatch.Query query(String schema, String table, int versionNum) {
        return versionNum >= 150000 ? CatalogBatch.Query.of(SQL.formatted(IN_SCHEMA), schema, table, schema)
                : CatalogBatch.Query.of(SQL.formatted(""), schema, table);
    }

    static List<String> read(ResultSet rows) throws SQLException {
        List<String> names = new ArrayList<>();
        while (rows.next()) {
            names.add(rows.getString(1));
        }
        return names;
    }

    /** The publications that leave the heartbeat table out, read on a connection of the heartbeat writer. */
    public static List<String> leavingOut(Connection connection, String schema, String table) throws SQLException {
        int major = connection.getMetaData().getDatabaseMajorVersion();
        CatalogBatch.Query query = query(schema, table, major >= 10 ? major * 10000 : 0);
        try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
            for (int i = 0; i < query.parameters().size(); i++) {
                statement.setString(i + 1, query.parameters().get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                return read(rows);
            }
        }
    }

    /** What is wrong, in one sentence, or empty when every publication carries the beats. */
    public static Optional<Text> problem(List<String> leavingOut, String schema, String table) {
        if (leavingOut.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Text.of("heartbeat.publications.leavingOut", leavingOut.size(), String.join(", ", leavingOut),
                qualified(schema, table)));
    }

    /** The statements that add the table to each publication that leaves it out. */
    public static String fix(List<String> leavingOut, String schema, String table) {
        StringBuilder sql = new StringBuilder();
        for (String publication : leavingOut) {
            sql.append("ALTER PUBLICATION ").append(SqlIdentifiers.quote(publication)).append(" ADD TABLE ")
                    .append(qualified(schema, table)).append(";\n");
        }
        return sql.toString().trim();
    }

    private static String qualified(String schema, String table) {
        return SqlIdentifiers.quote(schema) + "." + SqlIdentifiers.quote(table);
    }
}
