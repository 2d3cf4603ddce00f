package io.dsm.common.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** The one mapper for stored texts, as the watch and provisioning get it injected. */
@QuarkusTest
class StoredTextsTest {

    @Inject
    @StoredTexts
    ObjectMapper storing;

    @Inject
    ObjectMapper application;

    @Test
    void aTextStoredByTheInjectedMapperReadsBackInEitherLanguage() {
        Text summary = Text.of("words.sentences", Text.of("verdict.ready", Text.of("readiness.scope.FULL_MIGRATION")),
                Text.of("verdict.counted", Text.of("readiness.scope.INCREMENTAL_SYNC"), Text.of("verdict.blockers", 2L)));

        String column = TextJson.store(storing, summary);
        Text restored = TextJson.restore(storing, column);

        assertThat(column).startsWith("{\"key\":\"words.sentences\"");
        assertThat(restored.english()).isEqualTo("Full migration: ready; Incremental sync: 2 blockers");
        assertThat(restored.render(Languages.SIMPLIFIED_CHINESE)).isEqualTo("全量迁移：就绪；增量同步：2 个阻塞项");
    }

    @Test
    void theStoringMapperKeepsTheApplicationsSettingsForEverythingElse() throws Exception {
        Instant at = Instant.parse("2026-12-08T01:02:03Z");

        assertThat(storing).isNotSameAs(application);
        assertThat(storing.writeValueAsString(Map.of("at", at))).isEqualTo(application.writeValueAsString(Map.of("at", at)));
    }
}
