package io.dsm.common.i18n;

import java.util.List;

/** Ways of joining words and sentences that differ between languages. */
public final class Words {

    private Words() {
    }

    /** "a and b", "a 和 b". */
    public static Text and(List<Text> words) {
        return joined("words.and", words);
    }

    /** "a, b, c", "a，b，c": the parts of one description. */
    public static Text list(List<Text> parts) {
        return joined("words.list", parts);
    }

    /** "a; b; c", "a；b；c": separate statements in one line. */
    public static Text sentences(List<Text> sentences) {
        return joined("words.sentences", sentences);
    }

    /** Whole sentences one after another: a space between them in English, none in Chinese. */
    public static Text paragraph(List<Text> sentences) {
        return joined("words.paragraph", sentences);
    }

    private static Text joined(String key, List<Text> parts) {
        Text joined = parts.get(0);
        for (Text next : parts.subList(1, parts.size())) {
            joined = Text.of(key, joined, next);
        }
        return joined;
    }
}
