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

/**
 * The provisioning files in DSM_PROVISIONING_DIR: its *.yaml and *.yml files, links followed (a
 * Kubernetes ConfigMap mounts each file as a link into a hidden folder, which is skipped).
 */
final class ProvisioningDirectory {

    private final Path directory;

    ProvisioningDirectory(Path directory) {
        this.directory = directory;
    }

    Path path() {
        return directory;
    }

    /** A file's content and its SHA-256. */
    record Content(byte[] bytes, String checksum) {
    }

    /** Every provisioning file by name, read now. */
    Map<String, Content> read() throws IOException {
        Map<String, Content> files = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".") || !(name.endsWith(".yaml") || name.endsWith(".yml")) || !Files.isRegularFile(entry)) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(entry);
                files.put(name, new Content(bytes, sha256(bytes)));
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
