package io.dsm.common.jdbc;

import java.util.Set;

/**
 * Identifiers and literals written into SQL that a person copies and runs, exactly as the server's
 * quote_ident and quote_literal write them: a name stays bare only when it is lower case letters,
 * digits and underscores and not a key word; anything else (quotes, spaces, unicode, control
 * characters) is kept raw inside double quotes, which PostgreSQL accepts for every name but NUL.
 */
public final class SqlIdentifiers {

    /**
     * Key words that quote_ident quotes: every category but unreserved (reserved, reserved as function or
     * type name, and column-name key words), from PostgreSQL 18's pg_get_keywords(). A word that is not a
     * key word on an older server is quoted needlessly but harmlessly; SqlIdentifiersKeywordTest compares
     * this set with the server's on every tested version.
     */
    private static final Set<String> KEYWORDS = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "between",
            "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character", "check", "coalesce",
            "collate", "collation", "column", "concurrently", "constraint", "create", "cross", "current_catalog",
            "current_date", "current_role", "current_schema", "current_time", "current_timestamp", "current_user", "dec",
            "decimal", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "exists", "extract",
            "false", "fetch", "float", "for", "foreign", "freeze", "from", "full", "grant", "greatest", "group", "grouping",
            "having", "ilike", "in", "initially", "inner", "inout", "int", "integer", "intersect", "interval", "into", "is",
            "isnull", "join", "json", "json_array", "json_arrayagg", "json_exists", "json_object", "json_objectagg",
            "json_query", "json_scalar", "json_serialize", "json_table", "json_value", "lateral", "leading", "least",
            "left", "like", "limit", "localtime", "localtimestamp", "merge_action", "national", "natural", "nchar", "none",
            "normalize", "not", "notnull", "null", "nullif", "numeric", "offset", "on", "only", "or", "order", "out",
            "outer", "overlaps", "overlay", "placing", "position", "precision", "primary", "real", "references",
            "returning", "right", "row", "select", "session_user", "setof", "similar", "smallint", "some", "substring",
            "symmetric", "system_user", "table", "tablesample", "then", "time", "timestamp", "to", "trailing", "treat",
            "trim", "true", "union", "unique", "user", "using", "values", "varchar", "variadic", "verbose", "when", "where",
            "window", "with", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces",
            "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable");

    private SqlIdentifiers() {
    }

    /** The name as quote_ident writes it. */
    public static String quote(String name) {
        if (name.matches("[a-z_][a-z0-9_]*") && !KEYWORDS.contains(name)) {
            return name;
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /**
     * A string literal as quote_literal writes it: quotes doubled, and with a backslash the E'' form with
     * backslashes doubled, so that it means the same whatever standard_conforming_strings says.
     */
    public static String literal(String value) {
        String quoted = value.replace("'", "''");
        return value.indexOf('\\') < 0 ? "'" + quoted + "'" : "E'" + quoted.replace("\\", "\\\\") + "'";
    }
}
