package io.dsm.provisioning.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.dsm.common.concurrent.DaemonThreads;
import io.dsm.common.concurrent.InstanceName;
import io.dsm.config.DsmConfig;
import io.dsm.config.StartupFailure;
import io.dsm.provisioning.FileStatus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Applies DSM_PROVISIONING_DIR at start, then every DSM_PROVISIONING_SCAN_INTERVAL whatever changed:
 * a file whose content differs from the last one applied, a file that failed (a conflict may have
 * gone, a secret file may have appeared), a file that is gone. A file that does not change is not
 * applied again, so every instance looking at the same folder finds nothing to do after one applied it.
 */
@Singleton
public class ProvisioningScanner {

    private static final Logger LOG = Logger.getLogger(ProvisioningScanner.class);

    private final Optional<ProvisioningDirectory> directory;
    private final long intervalMillis;
    private final ProvisioningParser parser;
    private final FileApplier applier;
    private final AgroalDataSource store;
    private final ObjectMapper json;
    private final String instance = InstanceName.generate();
    private final ScheduledThreadPoolExecutor scanner = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("dsm-provisioning"));
    private volatile boolean storeDown;

    public ProvisioningScanner(DsmConfig config, ProvisioningParser parser, FileApplier applier, AgroalDataSource store,
            ObjectMapper json) {
        this.directory = config.provisioning().dir().map(ProvisioningScanner::checked).map(ProvisioningDirectory::new);
        this.intervalMillis = config.provisioning().scanInterval().toMillis();
        if (intervalMillis < 200) {
            throw new StartupFailure("DSM_PROVISIONING_SCAN_INTERVAL must be at least 200ms");
        }
        this.parser = parser;
        this.applier = applier;
        this.store = store;
        this.json = json;
    }

    private static Path checked(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new StartupFailure("DSM_PROVISIONING_DIR is " + dir + ", which is not a folder dsm can read");
        }
        return dir;
    }

    void onStart(@Observes StartupEvent event) {
        directory.ifPresent(dir -> {
            scan();
            scanner.scheduleWithFixedDelay(this::scan, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
            LOG.infof("Provisioning from %s, looked at every %d ms", dir.path(), intervalMillis);
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        scanner.shutdownNow();
    }

    /** One look at the folder: applies what changed. Public for tests that do not want to wait for the next look. */
    public synchronized void scan() {
        if (directory.isEmpty()) {
            return;
        }
        try {
            Map<String, ProvisioningDirectory.Content> files = directory.get().read();
            Map<String, FileStatuses.Row> known = FileStatuses.all(store, json).stream()
                    .collect(Collectors.toMap(FileStatuses.Row::name, Function.identity()));
            files.forEach((name, content) -> {
                FileStatuses.Row last = known.get(name);
                boolean same = last != null && content.checksum().equals(last.checksum()) && last.status() != FileStatus.FAILED
                        && last.status() != FileStatus.REMOVED;
                if (!same) {
                    FileApplier.Result result = applier.apply(parser.parse(name, content.bytes(), content.checksum()), instance,
                            last == null ? java.util.List.of() : last.errors());
                    if (result == FileApplier.Result.APPLIED) {
                        LOG.infof("Provisioning file %s applied", name);
                    }
                }
            });
            known.values().stream().filter(row -> !files.containsKey(row.name()) && row.status() != FileStatus.REMOVED)
                    .forEach(row -> {
                        applier.remove(row.name(), row.prune(), instance);
                        LOG.infof("Provisioning file %s is gone: its data sources were %s", row.name(),
                                row.prune() ? "removed (prune: true)" : "released to the API");
                    });
            if (storeDown) {
                storeDown = false;
                LOG.info("Provisioning resumed: the store answers again");
            }
        } catch (IOException e) {
            LOG.warnf("DSM_PROVISIONING_DIR cannot be read; trying again in %d ms: %s", intervalMillis, e.getMessage());
        } catch (SQLException | RuntimeException e) {
            if (!storeDown) {
                storeDown = true;
                LOG.warnf("Provisioning paused until the store answers: %s", e.getMessage());
            }
        }
    }
}
