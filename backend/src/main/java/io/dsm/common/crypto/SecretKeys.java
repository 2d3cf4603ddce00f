package io.dsm.common.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.dsm.config.DsmConfig;
import io.dsm.config.StartupFailure;
import io.dsm.embedded.EmbeddedStore;

/**
 * Provides the cipher for stored passwords: from {@code DSM_SECRET_KEY}, or, with the embedded
 * store only, from a key generated once into the data directory and readable by its owner only.
 */
@Singleton
public class SecretKeys {

    private static final Logger LOG = Logger.getLogger(SecretKeys.class);
    static final String KEY_FILE = "secret.key";

    @Produces
    @Singleton
    SecretCipher cipher(DsmConfig config) {
        SecretCipher current = currentKey(config);
        try {
            return current.readingAlso(config.secretKeyPrevious().orElse(java.util.List.of()).stream()
                    .filter(k -> !k.isBlank()).toList());
        } catch (InvalidSecretKeyException e) {
            throw new StartupFailure(e.getMessage().replace("DSM_SECRET_KEY ", "A key in DSM_SECRET_KEY_PREVIOUS "));
        }
    }

    private SecretCipher currentKey(DsmConfig config) {
        if (config.secretKey().filter(k -> !k.isBlank()).isPresent()) {
            try {
                return SecretCipher.fromBase64(config.secretKey().get());
            } catch (InvalidSecretKeyException e) {
                throw new StartupFailure(e.getMessage());
            }
        }
        if (!EmbeddedStore.isRunning()) {
            throw new StartupFailure("DSM_SECRET_KEY is required with an external database, so that every dsm "
                    + "instance can read the passwords the others stored. Make one with: openssl rand -base64 32");
        }
        return fromKeyFile(config.dataDir().resolve(KEY_FILE));
    }

    static SecretCipher fromKeyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            warnIfShared(file);
            try {
                return SecretCipher.fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
            } catch (InvalidSecretKeyException e) {
                throw new StartupFailure("The key file " + file.toAbsolutePath() + " is damaged: its content "
                        + e.getMessage().substring("DSM_SECRET_KEY ".length()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The key file " + file.toAbsolutePath() + " cannot be read or created", e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.writeString(file, SecretCipher.generateBase64Key() + "\n", StandardCharsets.US_ASCII,
                StandardOpenOption.TRUNCATE_EXISTING);
        LOG.infof("Generated the key that encrypts stored passwords in %s (readable by its owner only); "
                + "back it up with the data directory", file.toAbsolutePath());
    }

    private static void warnIfShared(Path file) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
            LOG.warnf("The key file %s can be read by other users; run: chmod 600 %s", file.toAbsolutePath(),
                    file.toAbsolutePath());
        }
    }
}
