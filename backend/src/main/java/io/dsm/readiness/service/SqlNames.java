package io.dsm.readiness.service;

import java.util.List;
import java.util.stream.Collectors;

import io.dsm.common.jdbc.SqlIdentifiers;

/** Names in findings' sentences and in the SQL they suggest. */
final class SqlNames {

    private SqlNames() {
    }

    /**
     * A name in a sentence, always between double quotes with those inside it doubled: {@code "a""b"}
     * reads as one name, and pastes into SQL as that name.
     */
    static String quotedName(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** {@code 'a', 'b'} for an IN list of names in a statement a person runs. */
    static String literals(List<String> names) {
        return names.stream().map(SqlIdentifiers::literal).collect(Collectors.joining(", "));
    }

    /**
     * A DO block around the body, between dollar quotes the body does not contain: names inlined in it
     * may hold {@code $$}, which would end a fixed quote early.
     */
    static String doBlock(String body) {
        String tag = "$$";
        for (int i = 0; body.contains(tag); i++) {
            tag = "$dsm" + (i == 0 ? "" : String.valueOf(i)) + "$";
        }
        return "DO " + tag + " " + body + " " + tag + ";";
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
