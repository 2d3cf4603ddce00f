package io.dsm.common.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class TextJsonTest {

    private final ObjectMapper storing = TextJson.storing(new ObjectMapper());

    @Test
    void aStoredTextReadsBackInEitherLanguageWithItsNestedTextsAndNumbers() {
        Text summary = Text.of("words.sentences", Text.of("verdict.ready", Text.of("readiness.scope.FULL_MIGRATION")),
                Text.of("verdict.counted", Text.of("readiness.scope.INCREMENTAL_SYNC"), Text.of("verdict.blockers", 2L)));

        Text restored = TextJson.restore(storing, TextJson.store(storing, summary));

        assertThat(restored.english()).isEqualTo("Full migration: ready; Incremental sync: 2 blockers");
        assertThat(restored.render(Languages.SIMPLIFIED_CHINESE)).isEqualTo("全量迁移：就绪；增量同步：2 个阻塞项");
    }

    @Test
    void aPlainSentenceStoredBeforeTextsWereReadsBackAsItWasInEveryLanguage() {
        Text restored = TextJson.restore(storing, "1 table in scope has no replica identity");

        assertThat(restored.render(Languages.SIMPLIFIED_CHINESE)).isEqualTo("1 table in scope has no replica identity");
    }

    @Test
    void aCutOffStoredTextReadsBackVerbatimRatherThanFailing() {
        assertThat(TextJson.restore(storing, "{\"key\":\"verdict.rea").english()).isEqualTo("{\"key\":\"verdict.rea");
    }
}
