package io.dsm.common.logging;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Escapes control characters in every log message, whatever put them there: a user name, an
 * identifier or a provisioning file's name with a line break would otherwise forge a log line
 * that a reader or a log shipper takes for dsm's own. Nothing is dropped; each record stays one line.
 */
@LoggingFilter(name = ControlCharacterEscaping.NAME)
public final class ControlCharacterEscaping implements Filter {

    static final String NAME = "dsm-escape-control-characters";

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            String formatted = ext.getFormattedMessage();
            String escaped = escape(formatted);
            if (formatted != null && !escaped.equals(formatted)) {
                ext.setMessage(escaped, ExtLogRecord.FormatStyle.NO_FORMAT);
            }
        } else if (record.getMessage() != null && record.getParameters() == null) {
            record.setMessage(escape(record.getMessage()));
        }
        return true;
    }

    /** C0 and C1 controls, DEL and the Unicode line and paragraph separators, as visible escapes. */
    static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacement(c);
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    private static String replacement(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                    ? String.format("\\u%04x", (int) c) : null;
        };
    }
}
