package io.dsm.readiness.service;

import java.util.List;
import java.util.stream.Collectors;

import io.dsm.common.jdbc.SqlIdentifiers;

/** Names in findings' sentences and in the SQL they suggest. */
final class SqlNames {

    private SqlNames() {
    }

    /** A name in a sentence: "migrator". */
    static String quotedName(String name) {
        return "\"" + name + "\"";
    }

    /** {@code 'a', 'b'} for an IN list of names in a statement a person runs. */
    static String literals(List<String> names) {
        return names.stream().map(SqlIdentifiers::literal).collect(Collectors.joining(", "));
    }

    /** "has" for one, "have" for several. */
    static String verb(long count, String one, String several) {
        return count == 1 ? one : several;
    }

    /** "1 table", "2 tables". */
    static String count(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}
