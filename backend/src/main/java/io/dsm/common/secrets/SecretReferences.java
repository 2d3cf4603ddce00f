package io.dsm.common.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.dsm.common.i18n.Text;
import io.dsm.common.crypto.Secret;
import io.dsm.common.files.ConfinedFolder;
import io.dsm.config.DsmConfig;
import io.dsm.config.StartupFailure;
import io.quarkus.runtime.Startup;

/**
 * Reads the password a {@link SecretReference} points to, at each use and never for storing. A
 * file is read as raw bytes (UTF-8), with one trailing newline trimmed and nothing interpolated, so a
 * {@code $} or a quote stays what it is; it must be a regular file whose real path, links followed,
 * is inside DSM_SECRETS_DIR, and it is opened at that real path without following links again
 * ({@link ConfinedFolder}), so a link swapped in meanwhile is refused. An environment variable must
 * start with DSM_SOURCE_.
 */
// Created at start, so that a wrong DSM_SECRETS_DIR stops the start with its one line.
@Startup
@Singleton
public class SecretReferences {

    /** Longer than any password dsm accepts (1024 characters of up to 4 bytes), so a wrong file is refused unread. */
    static final int MAX_BYTES = 4096;

    private final Optional<ConfinedFolder> folder;
    private final Function<String, String> environment;

    @Inject
    public SecretReferences(DsmConfig config) {
        this(checked(config.secretsDir()), System::getenv);
    }

    /** A DSM_SECRETS_DIR that is not a folder stops the start, rather than failing every use of a reference later. */
    static Optional<Path> checked(Optional<Path> directory) {
        if (directory.isPresent() && !Files.isDirectory(directory.get())) {
            throw new StartupFailure("DSM_SECRETS_DIR is " + directory.get() + ", which is not a folder dsm can read");
        }
        return directory;
    }

    SecretReferences(Optional<Path> directory, Function<String, String> environment) {
        this.folder = directory.map(path -> new ConfinedFolder(path, "DSM_SECRETS_DIR"));
        this.environment = environment;
    }

    /** A password read from its reference, or why it could not be read (in words that never hold the secret). */
    public record Resolved(Optional<Secret> secret, Optional<Text> problem) {
        static Resolved of(Secret secret) {
            return new Resolved(Optional.of(secret), Optional.empty());
        }

        static Resolved unusable(Text problem) {
            return new Resolved(Optional.empty(), Optional.of(problem));
        }
    }

    /**
     * Why the reference may not be given to dsm, or empty: the lexical rules, DSM_SECRETS_DIR being set
     * for files, and, when the file exists, its real path staying inside that directory. A file that
     * does not exist yet is allowed: it may be mounted later, and every use reports it.
     */
    public Optional<Text> refusal(String text) {
        SecretReference.Parsed parsed = SecretReference.parse(text);
        if (parsed.problem().isPresent()) {
            return parsed.problem();
        }
        SecretReference reference = parsed.reference().orElseThrow();
        if (reference.kind() == SecretReference.Kind.ENV) {
            return Optional.empty();
        }
        if (folder.isEmpty()) {
            return Optional.of(Text.of("secret-ref.no-secrets-dir"));
        }
        return folder.get().check(fileOf(reference)).map(ConfinedFolder.Refused::reason);
    }

    /** Reads the password now. */
    public Resolved resolve(String text) {
        SecretReference.Parsed parsed = SecretReference.parse(text);
        if (parsed.problem().isPresent()) {
            return Resolved.unusable(Text.of("secret.reference-invalid", parsed.problem().get()));
        }
        SecretReference reference = parsed.reference().orElseThrow();
        return reference.kind() == SecretReference.Kind.ENV ? fromEnvironment(reference) : fromFile(reference);
    }

    private Resolved fromEnvironment(SecretReference reference) {
        String value = environment.apply(reference.name());
        if (value == null) {
            return Resolved.unusable(Text.of("secret.env-unset", reference.name()));
        }
        return value.isEmpty() ? Resolved.unusable(Text.of("secret.env-empty", reference.name()))
                : Resolved.of(Secret.of(value));
    }

    private Resolved fromFile(SecretReference reference) {
        if (folder.isEmpty()) {
            return Resolved.unusable(Text.of("secret.no-secrets-dir"));
        }
        ConfinedFolder.Read read = folder.get().read(fileOf(reference), MAX_BYTES);
        if (read instanceof ConfinedFolder.Refused refused) {
            return Resolved.unusable(Text.of("secret.file-refused", reference.name(), refused.reason()));
        }
        try {
            String value = trimOneNewline(decode(((ConfinedFolder.Content) read).bytes()));
            return value.isEmpty() ? Resolved.unusable(Text.of("secret.file-empty", reference.name()))
                    : Resolved.of(Secret.of(value));
        } catch (CharacterCodingException e) {
            return Resolved.unusable(Text.of("secret.file-not-utf8", reference.name()));
        }
    }

    private Path fileOf(SecretReference reference) {
        return folder.orElseThrow().path().resolve(reference.name()).normalize();
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** One trailing newline, as editors and {@code echo} add it ({@code \n} or {@code \r\n}); everything else is kept. */
    static String trimOneNewline(String value) {
        if (value.endsWith("\r\n")) {
            return value.substring(0, value.length() - 2);
        }
        return value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
    }
}
