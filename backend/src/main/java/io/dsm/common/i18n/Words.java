package io.dsm.common.i18n;

import java.util.List;

/** Ways of joining words that differ between languages. */
public final class Words {

    private Words() {
    }

    /** "a and b", "a 和 b": each language joins words its own way. */
    public static Text and(List<Text> words) {
        Text joined = words.get(0);
        for (Text next : words.subList(1, words.size())) {
            joined = Text.of("words.and", joined, next);
        }
        return joined;
    }

    /** "a; b; c": separate sentences in one line. */
    public static Text sentences(List<Text> sentences) {
        Text joined = sentences.get(0);
        for (Text next : sentences.subList(1, sentences.size())) {
            joined = Text.of("words.sentences", joined, next);
        }
        return joined;
    }
}
