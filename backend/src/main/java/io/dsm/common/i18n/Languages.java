package io.dsm.common.i18n;

import java.util.List;
import java.util.Locale;

/** The languages dsm writes in: English, the default, and Simplified Chinese. */
public final class Languages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale SIMPLIFIED_CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, SIMPLIFIED_CHINESE);

    private Languages() {
    }

    /**
     * The supported language that best matches languages in order of preference (as an {@code Accept-Language}
     * header lists them): any Chinese except a traditional one reads Simplified Chinese, anything else English.
     */
    public static Locale choose(List<Locale> preferred) {
        for (Locale locale : preferred) {
            if (locale.getLanguage().equals("en")) {
                return ENGLISH;
            }
            if (locale.getLanguage().equals("zh") && !traditional(locale)) {
                return SIMPLIFIED_CHINESE;
            }
        }
        return ENGLISH;
    }

    /** The language an {@code Accept-Language} header value asks for; English when it is absent or unreadable. */
    public static Locale ofHeader(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ENGLISH;
        }
        try {
            return choose(Locale.LanguageRange.parse(acceptLanguage).stream()
                    .map(range -> Locale.forLanguageTag(range.getRange())).toList());
        } catch (IllegalArgumentException e) {
            return ENGLISH;
        }
    }

    private static boolean traditional(Locale locale) {
        return locale.getScript().equals("Hant") || List.of("TW", "HK", "MO").contains(locale.getCountry());
    }
}
