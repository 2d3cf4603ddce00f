package io.dsm.common.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.Set;

import io.dsm.common.i18n.Text;

/**
 * A folder dsm reads files from, and only from inside it: DSM_SECRETS_DIR, DSM_PROVISIONING_DIR.
 * Links are followed once, to find where a name leads, and that place must be inside the folder (a
 * Kubernetes ConfigMap or Secret mounts each key as a link into a hidden {@code ..data} folder). The
 * file is then opened from the folder one name at a time without following any link, so a link
 * swapped in after the check is refused instead of followed. Its size is checked on the file itself
 * before reading, and at most the limit is read.
 */
public final class ConfinedFolder {

    private static final Set<OpenOption> READ_NOT_FOLLOWING_LINKS = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

    private final Path root;
    private final String name;
    private final Runnable sizeChecked;

    /** @param name how messages name the folder, such as DSM_SECRETS_DIR */
    public ConfinedFolder(Path root, String name) {
        this(root, name, () -> {
        });
    }

    /** @param sizeChecked what happens between the last size check and the read: a test grows the file there */
    ConfinedFolder(Path root, String name, Runnable sizeChecked) {
        this.root = root;
        this.name = name;
        this.sizeChecked = sizeChecked;
    }

    public Path path() {
        return root;
    }

    /** Why a file was not read. */
    public enum Refusal {
        MISSING,
        OUTSIDE,
        NOT_A_FILE,
        TOO_LARGE,
        SWAPPED,
        UNREADABLE
    }

    /** What reading a file gave: its bytes, or why it was not read, in words that name the folder and hold nothing of the file. */
    public sealed interface Read permits Content, Refused {
    }

    public record Content(byte[] bytes) implements Read {
    }

    public record Refused(Refusal refusal, Text reason) implements Read {
    }

    /**
     * Why the file may not be read, without reading it; empty when it may be, and when it does not
     * exist (it may be mounted later, and reading it will say so).
     */
    public Optional<Refused> check(Path file) {
        Located located = locate(file);
        return located.refused().filter(refused -> refused.refusal() != Refusal.MISSING).or(() -> located.real()
                .filter(real -> !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)).map(real -> notAFile()));
    }

    /** The file's content, at most {@code maxBytes} of it; anything larger, outside the folder or swapped meanwhile is refused unread. */
    public Read read(Path file, int maxBytes) {
        Located located = locate(file);
        if (located.refused().isPresent()) {
            return located.refused().get();
        }
        Path real = located.real().orElseThrow();
        try (DirectoryStream<Path> folder = Files.newDirectoryStream(located.root())) {
            Path relative = located.root().relativize(real);
            if (folder instanceof SecureDirectoryStream<Path> secure) {
                return readWithin(secure, relative, 0, maxBytes);
            }
            // Without openat (Windows): the last name at least is opened without following a link.
            if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                return notAFile();
            }
            try (SeekableByteChannel channel = Files.newByteChannel(real, READ_NOT_FOLLOWING_LINKS)) {
                return content(channel, maxBytes);
            }
        } catch (IOException e) {
            return failed(e, real);
        }
    }

    /** Walks down the folder one name at a time, each opened relative to the one above and none of them through a link. */
    private Read readWithin(SecureDirectoryStream<Path> folder, Path relative, int index, int maxBytes) throws IOException {
        Path next = relative.getName(index);
        BasicFileAttributes attributes = folder.getFileAttributeView(next, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .readAttributes();
        if (attributes.isSymbolicLink()) {
            return swapped();
        }
        if (index < relative.getNameCount() - 1) {
            if (!attributes.isDirectory()) {
                return swapped();
            }
            try (SecureDirectoryStream<Path> below = folder.newDirectoryStream(next, LinkOption.NOFOLLOW_LINKS)) {
                return readWithin(below, relative, index + 1, maxBytes);
            }
        }
        if (!attributes.isRegularFile()) {
            return notAFile();
        }
        if (attributes.size() > maxBytes) {
            return tooLarge(attributes.size(), maxBytes);
        }
        try (SeekableByteChannel channel = folder.newByteChannel(next, READ_NOT_FOLLOWING_LINKS)) {
            return content(channel, maxBytes);
        }
    }

    /** The size asked of the opened file, then at most one byte more than the limit read: a file growing meanwhile is refused too. */
    private Read content(SeekableByteChannel channel, int maxBytes) throws IOException {
        long size = channel.size();
        if (size > maxBytes) {
            return tooLarge(size, maxBytes);
        }
        sizeChecked.run();
        InputStream in = Channels.newInputStream(channel);
        byte[] bytes = in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            return tooLarge(Math.max(channel.size(), bytes.length), maxBytes);
        }
        return new Content(bytes);
    }

    /** Where the file's name leads, links followed: its real path inside the folder, or why there is none. */
    private Located locate(Path file) {
        try {
            Path realRoot = root.toRealPath();
            Path real = file.toRealPath();
            if (!real.startsWith(realRoot) || real.equals(realRoot)) {
                return Located.refused(new Refused(Refusal.OUTSIDE, Text.of("file.outside", name)));
            }
            return new Located(realRoot, Optional.of(real), Optional.empty());
        } catch (NoSuchFileException e) {
            return Located.refused(missing());
        } catch (IOException e) {
            return Located.refused(new Refused(Refusal.UNREADABLE, Text.of(denied(e) ? "file.unexaminable.denied" : "file.unexaminable")));
        }
    }

    private record Located(Path root, Optional<Path> real, Optional<Refused> refused) {
        static Located refused(Refused refused) {
            return new Located(null, Optional.empty(), Optional.of(refused));
        }
    }

    /** A failure while opening: a name that vanished or now leads elsewhere is said as such. */
    private Read failed(IOException e, Path real) {
        try {
            if (e instanceof NoSuchFileException) {
                return missing();
            }
            return real.toRealPath().equals(real) ? new Refused(Refusal.UNREADABLE, Text.of(denied(e) ? "file.unreadable.denied" : "file.unreadable")) : swapped();
        } catch (NoSuchFileException gone) {
            return missing();
        } catch (IOException changed) {
            return swapped();
        }
    }

    private Refused missing() {
        return new Refused(Refusal.MISSING, Text.of("file.missing", name));
    }

    private static boolean denied(IOException e) {
        return e instanceof AccessDeniedException;
    }

    private static Refused notAFile() {
        return new Refused(Refusal.NOT_A_FILE, Text.of("file.not-a-file"));
    }

    private static Refused swapped() {
        return new Refused(Refusal.SWAPPED, Text.of("file.swapped"));
    }

    private static Refused tooLarge(long size, int maxBytes) {
        return new Refused(Refusal.TOO_LARGE, Text.of("file.too-large", Long.toString(size), Integer.toString(maxBytes)));
    }
}
