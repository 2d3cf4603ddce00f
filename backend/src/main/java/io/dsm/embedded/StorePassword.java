package io.dsm.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.jboss.logging.Logger;

/**
 * The password of the embedded store's {@code postgres} role, kept in a file of the data directory
 * that only its owner can read. The file is the truth: the role's password is set from it at every
 * start, so a lost or exposed file is simply replaced by a new password.
 *
 * @param value the password itself: only for the store's connections, never for a message
 * @param generated whether this start made it (first start, or the file was missing, unusable or exposed)
 */
record StorePassword(String value, boolean generated) {

    static final String FILE = "postgres.password";
    private static final Logger LOG = Logger.getLogger(StorePassword.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Reads the password kept in the data directory, or generates one there when none can be used. */
    static StorePassword in(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            String kept = readUsable(file);
            if (kept != null) {
                return new StorePassword(kept, false);
            }
            String fresh = generate();
            PrivateFiles.write(file, fresh + "\n");
            return new StorePassword(fresh, true);
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded store's password file " + file.toAbsolutePath() + " cannot be read or written", e);
        }
    }

    @Override
    public String toString() {
        return "StorePassword[***]";
    }

    /** 32 random bytes, URL-safe Base64: plain ASCII, the same before and after SASLprep. */
    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The kept password, or null when there is none, it is not one line of 24 or more printable characters, or others may read it. */
    private static String readUsable(Path file) throws IOException {
        Set<PosixFilePermission> permissions;
        String content;
        try {
            permissions = Files.getPosixFilePermissions(file);
            content = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException missing) {
            return null;
        } catch (CharacterCodingException notAscii) {
            LOG.warnf("The embedded store's password file %s is not ASCII; a new password replaces it", file.toAbsolutePath());
            return null;
        }
        if (!permissions.equals(PrivateFiles.OWNER_READ_WRITE) && !permissions.equals(Set.of(PosixFilePermission.OWNER_READ))) {
            LOG.warnf("The embedded store's password file %s could be read by other users; a new password replaces it",
                    file.toAbsolutePath());
            return null;
        }
        if (!content.matches("[\\x21-\\x7E]{24,1024}")) {
            LOG.warnf("The embedded store's password file %s does not hold a usable password (one line of 24 or more "
                    + "printable characters); a new password replaces it", file.toAbsolutePath());
            return null;
        }
        return content;
    }
}
