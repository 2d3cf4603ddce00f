package io.dsm.provisioning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The provisioning and secrets folders of the tests, made once per JVM. Quarkus loads a test profile
 * in a class loader of its own, so the profile and the test meet through a system property.
 */
final class Folders {

    private Folders() {
    }

    private static Path root() {
        synchronized (System.getProperties()) {
            String root = System.getProperty("dsm-test.provisioning-root");
            if (root == null) {
                try {
                    Path made = Files.createTempDirectory("dsm-provisioning-test");
                    Files.createDirectories(made.resolve("provisioning"));
                    Files.createDirectories(made.resolve("secrets"));
                    root = made.toString();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                System.setProperty("dsm-test.provisioning-root", root);
            }
            return Path.of(root);
        }
    }

    static Path provisioning() {
        return root().resolve("provisioning");
    }

    static Path secrets() {
        return root().resolve("secrets");
    }
}
