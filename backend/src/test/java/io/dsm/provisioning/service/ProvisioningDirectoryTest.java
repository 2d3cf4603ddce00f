package io.dsm.provisioning.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dsm.testing.LinkFlips;

/** Provisioning files are read from inside DSM_PROVISIONING_DIR only, even while a link in it is swapped. */
class ProvisioningDirectoryTest {

    @TempDir
    Path root;
    Path folder;
    ProvisioningDirectory directory;

    @BeforeEach
    void folder() throws IOException {
        folder = Files.createDirectory(root.resolve("provisioning"));
        directory = new ProvisioningDirectory(folder);
    }

    @Test
    void neverReadsAFileOutsideWhileALinkFlipsBetweenItAndAFileInside() throws Exception {
        Path data = Files.createDirectory(folder.resolve("..data"));
        Path inside = Files.writeString(data.resolve("orders.yaml"), "apiVersion: dsm/v1 # inside\n");
        Path secretKey = Files.writeString(root.resolve("secret.key"), "dsm-own-key-never-read");

        List<String> read = LinkFlips.linkBetween(folder.resolve("orders.yaml"), inside, secretKey, () -> readable("orders.yaml"));

        assertThat(read).as("files read while the link flipped").isNotEmpty().containsOnly("apiVersion: dsm/v1 # inside\n");
    }

    @Test
    void neverReadsAFileOutsideWhileTheFolderALinkLeadsIntoIsSwappedForALinkOutside() throws Exception {
        Path data = Files.createDirectory(folder.resolve("..data"));
        Files.writeString(data.resolve("orders.yaml"), "apiVersion: dsm/v1 # inside\n");
        Files.createSymbolicLink(folder.resolve("orders.yaml"), Path.of("..data", "orders.yaml"));
        Path elsewhere = Files.createDirectory(root.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("orders.yaml"), "dsm-own-key-never-read");

        List<String> read = LinkFlips.folderSwappedForALink(data, elsewhere, () -> readable("orders.yaml"));

        assertThat(read).as("files read while the folder was swapped").isNotEmpty().containsOnly("apiVersion: dsm/v1 # inside\n");
    }

    /** The file's content if the folder read gave it, as the parser would get it. */
    private Optional<String> readable(String name) {
        try {
            return Optional.ofNullable(directory.read().get(name)).filter(ProvisioningDirectory.Readable.class::isInstance)
                    .map(content -> new String(((ProvisioningDirectory.Readable) content).bytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
