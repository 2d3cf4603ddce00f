package io.dsm.readiness.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.dsm.common.i18n.Text;
import io.dsm.common.i18n.Words;
import io.dsm.common.jdbc.SqlIdentifiers;

/**
 * A table in scope that a publication of updates or deletes publishes with a row filter or a column
 * list (PostgreSQL 15 and later), read by {@link ScopePublications}, and judged here as the server
 * judges it on every UPDATE and DELETE (CheckCmdReplicaIdentity): a row filter may use only replica
 * identity columns, any under FULL; a column list must hold every identity column, and FULL allows
 * none. Column names are compared by name, as the server does for partitions published through their root.
 *
 * @param table          the table the UPDATE runs on (quote_ident), a leaf when the member is its root
 * @param member         the publication's member: the table itself, or its partitioned root
 * @param replicaIdentity relreplident of the table: d, i, f or n
 * @param filterColumns  the columns the row filter uses; empty without a filter
 * @param wholeRow       the row filter uses the whole row
 * @param rowFilter      the row filter as the server deparses it, or null
 * @param listColumns    the column list, or null without one
 * @param identityColumns the columns of the identity index the server uses; empty when it has none
 */
record PublishedSubset(String publication, String table, String member, String replicaIdentity, List<String> filterColumns,
        boolean wholeRow, String rowFilter, List<String> listColumns, List<String> identityColumns) {

    static PublishedSubset of(JsonNode row) {
        JsonNode list = row.get("list_columns");
        return new PublishedSubset(CatalogJson.text(row, "publication"), CatalogJson.text(row, "table"),
                CatalogJson.text(row, "member"), CatalogJson.text(row, "replica_identity"),
                CatalogJson.strings(row.get("filter_columns")), row.get("whole_row").asBoolean(false),
                CatalogJson.text(row, "row_filter"), list == null || list.isNull() ? null : CatalogJson.strings(list),
                CatalogJson.strings(row.get("identity_columns")));
    }

    private boolean full() {
        return "f".equals(replicaIdentity);
    }

    /** The row filter uses a column outside the identity: the server refuses UPDATE and DELETE. */
    boolean badFilter() {
        return rowFilter != null && !full() && (wholeRow || !identityColumns.containsAll(filterColumns));
    }

    /** The column list leaves out an identity column, or exists under FULL: the server refuses UPDATE and DELETE. */
    boolean badList() {
        return listColumns != null && (full() || !listColumns.containsAll(identityColumns));
    }

    boolean violates() {
        return badFilter() || badList();
    }

    /** What is wrong, in the words a DBA checks it with: "publication p: row filter uses region, not in …". */
    AffectedObject object() {
        List<Text> problems = new ArrayList<>();
        if (badFilter()) {
            Object outside = wholeRow ? Text.of("detail.rowFilter.wholeRow")
                    : names(filterColumns.stream().filter(c -> !identityColumns.contains(c)).toList());
            problems.add(identityColumns.isEmpty() ? Text.of("detail.rowFilter.noIdentity", outside)
                    : Text.of("detail.rowFilter.outsideIdentity", outside, names(identityColumns)));
        }
        if (badList()) {
            problems.add(full() ? Text.of("detail.columnList.full")
                    : Text.of("detail.columnList.leavesOut",
                            names(identityColumns.stream().filter(c -> !listColumns.contains(c)).toList())));
        }
        return new AffectedObject(table, Text.of("detail.publication", SqlIdentifiers.quote(publication), Words.sentences(problems)));
    }

    /**
     * The statements that make UPDATE and DELETE work again, where one does without changing what is
     * published: FULL for a filter on other columns (when there is no list, which FULL would forbid);
     * the identity columns added to a list, keeping the filter. None otherwise: the hint says what to choose.
     */
    Optional<String> fix() {
        if (badFilter() && listColumns == null) {
            return Optional.of("ALTER TABLE " + table + " REPLICA IDENTITY FULL;");
        }
        if (badList() && !badFilter() && !full()) {
            List<String> columns = new ArrayList<>(listColumns);
            identityColumns.stream().filter(c -> !columns.contains(c)).forEach(columns::add);
            String publicationName = SqlIdentifiers.quote(publication);
            return Optional.of("BEGIN;\nALTER PUBLICATION " + publicationName + " DROP TABLE " + member + ";\n"
                    + "ALTER PUBLICATION " + publicationName + " ADD TABLE " + member + " (" + names(columns) + ")"
                    + (rowFilter == null ? "" : " WHERE (" + rowFilter + ")") + ";\nCOMMIT;");
        }
        return Optional.empty();
    }

    private static String names(List<String> columns) {
        return columns.stream().map(SqlIdentifiers::quote).collect(Collectors.joining(", "));
    }
}
