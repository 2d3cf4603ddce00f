package io.dsm.common.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ConfinedFolder reads of a file is bounded by the limit, whatever the file does meanwhile. */
class ConfinedFolderTest {

    private static final int LIMIT = 1000;
    private static final long HUGE = 300L * 1024 * 1024;

    @TempDir
    Path folder;

    @Test
    void readsAtMostOneByteOverTheLimitOfAFileThatGrowsAfterItsSizeWasCheckedAndRefusesIt() throws IOException {
        Path file = Files.write(folder.resolve("growing.yaml"), new byte[LIMIT]);
        ConfinedFolder confined = new ConfinedFolder(folder, "DSM_PROVISIONING_DIR", () -> grow(file, HUGE));

        long before = allocatedByThisThread();
        ConfinedFolder.Read read = confined.read(file, LIMIT);
        long allocated = allocatedByThisThread() - before;

        assertThat(read).isInstanceOfSatisfying(ConfinedFolder.Refused.class, refused -> {
            assertThat(refused.refusal()).isEqualTo(ConfinedFolder.Refusal.TOO_LARGE);
            assertThat(refused.reason().english()).isEqualTo("is " + HUGE + " bytes, over the limit of " + LIMIT + " bytes");
        });
        assertThat(allocated).as("bytes allocated to read a file that grew to %d bytes meanwhile", HUGE).isLessThan(1024 * 1024);
    }

    @Test
    void readsAFileThatStaysWithinTheLimitWhole() throws IOException {
        Path file = Files.write(folder.resolve("calm.yaml"), new byte[LIMIT]);

        ConfinedFolder.Read read = new ConfinedFolder(folder, "DSM_PROVISIONING_DIR").read(file, LIMIT);

        assertThat(read).isInstanceOfSatisfying(ConfinedFolder.Content.class, content -> assertThat(content.bytes()).hasSize(LIMIT));
    }

    /** The file made longer without writing: a sparse file costs no disk. */
    private static void grow(Path file, long length) {
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
