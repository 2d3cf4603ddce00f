package io.dsm.provisioning.service;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import io.dsm.common.files.ConfinedFolder;

/**
 * The provisioning files in DSM_PROVISIONING_DIR: its *.yaml and *.yml files. Links are followed
 * when they stay inside the folder (a Kubernetes ConfigMap mounts each file as a link into a hidden
 * folder, which is skipped); a link leading out of it, a file over {@link ProvisioningParser#MAX_BYTES}
 * or one that cannot be read is refused on its own, unread, with the reason.
 */
final class ProvisioningDirectory {

    private final ConfinedFolder folder;

    ProvisioningDirectory(Path directory) {
        this.folder = new ConfinedFolder(directory, "DSM_PROVISIONING_DIR");
    }

    Path path() {
        return folder.path();
    }

    /** A file as read: its content and SHA-256, or why it was not read. */
    sealed interface Content permits Readable, Refused {
    }

    record Readable(byte[] bytes, String checksum) implements Content {
    }

    record Refused(io.dsm.common.i18n.Text reason) implements Content {
    }

    /** Every provisioning file by name, read now; a file gone since the folder was listed, or not a file, is not one. */
    Map<String, Content> read() throws IOException {
        Map<String, Content> files = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder.path())) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".") || !(name.endsWith(".yaml") || name.endsWith(".yml"))) {
                    continue;
                }
                ConfinedFolder.Read read = folder.read(entry, ProvisioningParser.MAX_BYTES);
                if (read instanceof ConfinedFolder.Content content) {
                    files.put(name, new Readable(content.bytes(), sha256(content.bytes())));
                } else if (read instanceof ConfinedFolder.Refused refused && refused.refusal() != ConfinedFolder.Refusal.MISSING
                        && refused.refusal() != ConfinedFolder.Refusal.NOT_A_FILE) {
                    files.put(name, new Refused(refused.reason()));
                }
            }
        }
        return files;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
