package io.dsm.common.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every message renders as a sentence: MessageFormat swallows a lone apostrophe and everything after it, so a
 * sentence that loses one, or keeps an unfilled placeholder, is a mistake in the catalogue.
 */
class CataloguePatternsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    @Test
    void everyMessageKeepsItsApostrophesAndFillsEveryPlaceholderInBothLanguages() {
        for (var language : Languages.SUPPORTED) {
            ResourceBundle bundle = Catalogue.bundle(language);
            for (String key : Collections.list(bundle.getKeys())) {
                String pattern = bundle.getString(key);
                String rendered = new Text(key, sampleArguments(pattern)).render(language);
                assertThat(rendered).as(language + " " + key).doesNotContain("{").doesNotContain("}");
                assertThat(count(rendered, "'")).as(language + " " + key + " apostrophes").isEqualTo(count(pattern, "''"));
            }
        }
    }

    /** The number 2 for each placeholder: a count fits it, and so does any other value's place in a sentence. */
    private static List<Object> sampleArguments(String pattern) {
        int highest = -1;
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        while (matcher.find()) {
            highest = Math.max(highest, Integer.parseInt(matcher.group(1)));
        }
        return Collections.nCopies(highest + 1, 2L);
    }

    private static int count(String text, String part) {
        int found = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            found++;
        }
        return found;
    }
}
