package io.dsm.common.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The one catalogue of what dsm writes for users: {@code i18n/messages.properties} (English) and
 * {@code i18n/messages_zh_CN.properties}, in {@link MessageFormat} syntax (a literal apostrophe is written
 * twice). {@code CatalogueTest} keeps both languages at the same keys and placeholders.
 */
final class Catalogue {

    static final String BUNDLE = "i18n.messages";

    private Catalogue() {
    }

    static String render(Text text, Locale locale) {
        Locale language = Languages.choose(java.util.List.of(locale));
        String pattern;
        try {
            pattern = bundle(language).getString(text.key());
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("No message " + text.key() + " in the catalogue", e);
        }
        Object[] args = text.args().stream().map(arg -> arg instanceof Text nested ? nested.render(language) : arg)
                .toArray();
        return new MessageFormat(pattern, language).format(args);
    }

    static ResourceBundle bundle(Locale language) {
        // ROOT control: the English bundle is the base name itself, never the JVM's default locale's.
        return ResourceBundle.getBundle(BUNDLE, language, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
