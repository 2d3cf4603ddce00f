package io.dsm.common.secrets;

import java.util.Optional;
import java.util.regex.Pattern;

import io.dsm.common.i18n.Text;

/**
 * Where a password lives instead of dsm's store: {@code file:NAME}, a file under DSM_SECRETS_DIR, or
 * {@code env:NAME}, an environment variable whose name starts with DSM_SOURCE_. Only the reference is
 * stored; the password is read at each use.
 */
public record SecretReference(Kind kind, String name) {

    public static final int MAX_LENGTH = 255;
    public static final String ENV_PREFIX = "DSM_SOURCE_";
    private static final Pattern ENV_NAME = Pattern.compile(ENV_PREFIX + "[A-Z0-9_]+");

    public enum Kind {
        FILE("file:"),
        ENV("env:");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    /** The reference as written, or why it cannot be one: what may be said of it without reading anything. */
    public static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            return Parsed.invalid(Text.of("secret-ref.blank", ENV_PREFIX));
        }
        if (text.length() > MAX_LENGTH) {
            return Parsed.invalid(Text.of("violation.max-characters", MAX_LENGTH));
        }
        if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Parsed.invalid(Text.of("secret-ref.control-characters"));
        }
        if (text.startsWith(Kind.ENV.prefix)) {
            String name = text.substring(Kind.ENV.prefix.length());
            return ENV_NAME.matcher(name).matches() ? Parsed.valid(new SecretReference(Kind.ENV, name))
                    : Parsed.invalid(Text.of("secret-ref.env-name", ENV_PREFIX));
        }
        if (text.startsWith(Kind.FILE.prefix)) {
            String name = text.substring(Kind.FILE.prefix.length());
            return FileNames.problem(name).map(Parsed::invalid).orElseGet(() -> Parsed.valid(new SecretReference(Kind.FILE, name)));
        }
        return Parsed.invalid(Text.of("secret-ref.rule", ENV_PREFIX));
    }

    @Override
    public String toString() {
        return kind.prefix + name;
    }

    /** A parsed reference, or the reason the text is not one. */
    public record Parsed(Optional<SecretReference> reference, Optional<Text> problem) {
        static Parsed valid(SecretReference reference) {
            return new Parsed(Optional.of(reference), Optional.empty());
        }

        static Parsed invalid(Text problem) {
            return new Parsed(Optional.empty(), Optional.of(problem));
        }
    }

    /** The lexical rules of a file name under DSM_SECRETS_DIR: relative, and never above it. */
    static final class FileNames {

        private FileNames() {
        }

        static Optional<Text> problem(String name) {
            if (name.isEmpty()) {
                return Optional.of(Text.of("secret-ref.no-file"));
            }
            if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*") || name.startsWith("~")) {
                return Optional.of(Text.of("secret-ref.absolute"));
            }
            if (name.contains("\\")) {
                return Optional.of(Text.of("secret-ref.backslash"));
            }
            for (String segment : name.split("/", -1)) {
                if (segment.equals("..")) {
                    return Optional.of(Text.of("secret-ref.parent"));
                }
                if (segment.isEmpty() || segment.equals(".")) {
                    return Optional.of(Text.of("secret-ref.segments"));
                }
            }
            return Optional.empty();
        }
    }
}
