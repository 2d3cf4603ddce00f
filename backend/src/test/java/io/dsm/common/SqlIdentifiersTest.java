package io.dsm.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.dsm.common.jdbc.SqlIdentifiers;

class SqlIdentifiersTest {

    @Test
    void leavesPlainLowerCaseNamesUnquoted() {
        assertThat(SqlIdentifiers.quote("orders_2026")).isEqualTo("orders_2026");
    }

    @Test
    void quotesNamesWithCapitalsSpacesOrQuotes() {
        assertThat(SqlIdentifiers.quote("Orders")).isEqualTo("\"Orders\"");
        assertThat(SqlIdentifiers.quote("my table")).isEqualTo("\"my table\"");
        assertThat(SqlIdentifiers.quote("a\"b")).isEqualTo("\"a\"\"b\"");
    }

    @Test
    void quotesReservedKeyWords() {
        assertThat(SqlIdentifiers.quote("user")).isEqualTo("\"user\"");
        assertThat(SqlIdentifiers.quote("order")).isEqualTo("\"order\"");
    }

    @Test
    void doublesQuotesInLiterals() {
        assertThat(SqlIdentifiers.literal("it's")).isEqualTo("'it''s'");
    }
}
