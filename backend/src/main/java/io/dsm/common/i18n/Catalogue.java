package io.dsm.common.i18n;

import java.text.DecimalFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The one catalogue of what dsm writes for users: {@code i18n/messages.properties} (English) and
 * {@code i18n/messages_zh_CN.properties}, in {@link MessageFormat} syntax (a literal apostrophe is written
 * twice). {@code CatalogueTest} keeps both languages at the same keys and placeholders.
 *
 * <p>Keys that start with {@value #CONSTRAINT_PREFIX} are dsm's constraint messages, kept once in Hibernate Validator's
 * {@code ValidationMessages*.properties}: the validator writes them during a request, and this renders them for a reader
 * who comes later (a provisioning file's errors).
 */
final class Catalogue {

    static final String BUNDLE = "i18n.messages";
    static final String CONSTRAINTS = "ValidationMessages";
    static final String CONSTRAINT_PREFIX = "constraint.";

    private Catalogue() {
    }

    static String render(Text text, Locale locale) {
        Locale language = Languages.choose(java.util.List.of(locale));
        if (text.key().startsWith(CONSTRAINT_PREFIX)) {
            return constraint(text.key(), language);
        }
        String pattern;
        try {
            pattern = bundle(language).getString(text.key());
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("No message " + text.key() + " in the catalogue", e);
        }
        Object[] args = text.args().stream().map(arg -> arg instanceof Text nested ? nested.render(language) : arg).toArray();
        MessageFormat format = new MessageFormat(pattern, language);
        Format[] formats = format.getFormatsByArgumentIndex();
        for (int i = 0; i < formats.length && i < args.length; i++) {
            if (formats[i] == null && (args[i] instanceof Integer || args[i] instanceof Long)) {
                // Whole numbers are ports, line numbers, ids and limits: written as digits ("5432", not "5,432").
                format.setFormatByArgumentIndex(i, new DecimalFormat("0"));
            }
        }
        return format.format(args);
    }

    static ResourceBundle bundle(Locale language) {
        return bundle(BUNDLE, language);
    }

    static ResourceBundle constraints(Locale language) {
        return bundle(CONSTRAINTS, language);
    }

    private static ResourceBundle bundle(String name, Locale language) {
        // No fallback: the English bundle is the base name itself, never the JVM's default locale's.
        return ResourceBundle.getBundle(name, language, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** A constraint message as Hibernate Validator writes it: it takes no arguments, and a backslash escapes the next character. */
    private static String constraint(String key, Locale language) {
        try {
            return constraints(language).getString(key).replaceAll("\\\\(.)", "$1");
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("No constraint message " + key + " in ValidationMessages", e);
        }
    }
}
