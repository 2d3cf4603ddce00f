package io.dsm.common.i18n;

/**
 * A failure whose message is a sentence for a user: kept as {@link Text} so that the mapper that answers it
 * renders it in the request's language, while {@link #getMessage()} (logs) stays English.
 */
public abstract class TextException extends RuntimeException {

    private final transient Text text;

    protected TextException(Text text) {
        super(null, null, false, false);
        this.text = text;
    }

    public Text text() {
        return text;
    }

    @Override
    public String getMessage() {
        return text.english();
    }
}
