package io.dsm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Links flipped back and forth as fast as a local user could, while a file is read through them (a
 * secret reference resolved, a provisioning folder read): what was read each time something was read.
 */
public final class LinkFlips {

    /** Enough tries to catch the old check-then-open race many times over, bounded in time for slow machines. */
    private static final int TRIES = 2_000;
    private static final long MAX_NANOS = 5_000_000_000L;

    private LinkFlips() {
    }

    /** One step of a flip; the steps alternate between pointing inside and pointing outside. */
    private interface Flip {
        void step(boolean outwards) throws IOException;
    }

    /** What was read through {@code link} while it points now to {@code inside}, now to {@code outside}. */
    public static List<String> linkBetween(Path link, Path inside, Path outside, Supplier<Optional<String>> read) throws Exception {
        Files.createSymbolicLink(link, inside);
        Path staged = link.resolveSibling("." + link.getFileName() + ".next");
        return readWhile(outwards -> {
            // As ln -sfn followed by a rename does: the link always exists and changes in one step.
            Files.deleteIfExists(staged);
            Files.createSymbolicLink(staged, outwards ? outside : inside);
            Files.move(staged, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }, read);
    }

    /** What was read from {@code folder} while it is now itself, now moved aside for a link to {@code outside}. */
    public static List<String> folderSwappedForALink(Path folder, Path outside, Supplier<Optional<String>> read) throws Exception {
        Path aside = folder.resolveSibling("." + folder.getFileName() + ".aside");
        return readWhile(outwards -> {
            if (outwards) {
                Files.move(folder, aside, StandardCopyOption.ATOMIC_MOVE);
                Files.createSymbolicLink(folder, outside);
            } else {
                Files.delete(folder);
                Files.move(aside, folder, StandardCopyOption.ATOMIC_MOVE);
            }
        }, read);
    }

    private static List<String> readWhile(Flip flip, Supplier<Optional<String>> read) throws InterruptedException {
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<IOException> failure = new AtomicReference<>();
        Thread flipper = new Thread(() -> {
            try {
                for (boolean outwards = true; !done.get(); outwards = !outwards) {
                    flip.step(outwards);
                    // Each state lasts a random while, up to longer than a read, so that reads meet every moment of a flip.
                    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(200_000));
                }
            } catch (IOException e) {
                failure.set(e);
            }
        }, "link-flipper");
        flipper.start();
        List<String> contents = new ArrayList<>();
        try {
            long start = System.nanoTime();
            for (int i = 0; i < TRIES && System.nanoTime() - start < MAX_NANOS; i++) {
                read.get().ifPresent(contents::add);
            }
        } finally {
            done.set(true);
            flipper.join();
        }
        if (failure.get() != null) {
            throw new UncheckedIOException(failure.get());
        }
        return contents;
    }
}
