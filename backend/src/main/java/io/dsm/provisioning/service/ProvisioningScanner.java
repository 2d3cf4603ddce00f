package io.dsm.provisioning.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.dsm.common.i18n.StoredTexts;
import io.dsm.common.concurrent.BackgroundThreads;
import io.dsm.common.lease.InstanceIdentity;
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
    static final String UNEXPECTED = "provisioning.unexpected";

    private final Optional<ProvisioningDirectory> directory;
    private final long intervalMillis;
    private final ProvisioningParser parser;
    private final FileApplier applier;
    private final AgroalDataSource store;
    /** The {@link StoredTexts} mapper: stored errors are keys and arguments. */
    private final ObjectMapper texts;
    private final String instance;
    private final ScheduledThreadPoolExecutor scanner;
    private volatile boolean storeDown;

    @Inject
    public ProvisioningScanner(DsmConfig config, ProvisioningParser parser, FileApplier applier, AgroalDataSource store,
            @StoredTexts ObjectMapper texts, InstanceIdentity instance, BackgroundThreads threads) {
        this(config.provisioning().dir().map(ProvisioningScanner::checked), config.provisioning().scanInterval(), parser, applier, store,
                texts, instance.name(), threads);
    }

    /** A scanner of its own folder: another instance, as tests start one. */
    ProvisioningScanner(Optional<Path> dir, Duration interval, ProvisioningParser parser, FileApplier applier, AgroalDataSource store,
            ObjectMapper texts, String instance, BackgroundThreads threads) {
        this.scanner = threads.scheduled("dsm-provisioning", 1);
        this.directory = dir.map(ProvisioningDirectory::new);
        this.intervalMillis = interval.toMillis();
        if (intervalMillis < 200) {
            throw new StartupFailure("DSM_PROVISIONING_SCAN_INTERVAL must be at least 200ms");
        }
        this.parser = parser;
        this.applier = applier;
        this.store = store;
        this.texts = texts;
        this.instance = instance;
    }

    private static Path checked(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new StartupFailure("DSM_PROVISIONING_DIR is " + dir + ", which is not a folder dsm can read");
        }
        return dir;
    }

    void onStart(@Observes StartupEvent event) {
        directory.ifPresent(dir -> {
            look();
            scanner.scheduleWithFixedDelay(this::look, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
            LOG.infof("Provisioning from %s, looked at every %d ms", dir.path(), intervalMillis);
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        scanner.shutdownNow();
    }

    /**
     * A look that nothing stops: neither the start nor the looks after it. An exception escaping a
     * scheduled task would cancel every later look without a word, so whatever escapes scan() (an
     * Error; a file's own failures are caught in check()) is logged and the next look tries again.
     */
    private void look() {
        try {
            scan();
        } catch (Throwable e) { // see above: nothing escapes, not even an OutOfMemoryError
            LOG.errorf(e, "Provisioning: looking at DSM_PROVISIONING_DIR failed; trying again in %d ms", intervalMillis);
        }
    }

    /** One look at the folder: applies what changed. Public for tests that do not want to wait for the next look. */
    public synchronized void scan() {
        if (directory.isEmpty()) {
            return;
        }
        try {
            Map<String, ProvisioningDirectory.Content> files = directory.get().read();
            Map<String, FileStatuses.Row> known = FileStatuses.all(store, texts).stream()
                    .collect(Collectors.toMap(FileStatuses.Row::name, Function.identity()));
            files.forEach((name, content) -> check(name, content, known.get(name)));
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

    /**
     * Applies one file if it changed or failed last time. Whatever the file makes go wrong fails it
     * alone, recorded with its error, and the other files are applied: any exception, and any Error
     * but the virtual machine's own. A StackOverflowError is the file's (one may nest deeper than a
     * bound thought of); an OutOfMemoryError is not: a file is read and walked within fixed bounds,
     * so running out of memory says more about the service than about the file, and blaming the file
     * would mislead. It ends this look, and look() tries again at the next.
     */
    private void check(String name, ProvisioningDirectory.Content content, FileStatuses.Row last) {
        if (content instanceof ProvisioningDirectory.Readable readable && last != null && readable.checksum().equals(last.checksum())
                && last.status() != FileStatus.FAILED && last.status() != FileStatus.REMOVED) {
            return;
        }
        List<ProvisioningError> lastErrors = last == null ? List.of() : last.errors();
        FileApplier.Result result;
        try {
            result = applier.apply(parsed(name, content), instance, lastErrors);
        } catch (Throwable e) { // see above: rethrown when the virtual machine is in trouble
            if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                throw (VirtualMachineError) e;
            }
            // Recording the failure needs the store: if the store is what failed, this throws too and provisioning pauses.
            ProvisioningError unexpected = ProvisioningError.of(null, null, UNEXPECTED);
            applier.apply(ParsedFile.failed(name, null, unexpected), instance, lastErrors);
            if (!lastErrors.equals(List.of(unexpected))) {
                LOG.warnf(e, "Provisioning file %s failed unexpectedly", name);
            }
            return;
        }
        if (result == FileApplier.Result.APPLIED) {
            LOG.infof("Provisioning file %s applied", name);
        }
    }

    private ParsedFile parsed(String name, ProvisioningDirectory.Content content) {
        if (content instanceof ProvisioningDirectory.Refused refused) {
            return ParsedFile.failed(name, null, new ProvisioningError(null, null, refused.reason()));
        }
        ProvisioningDirectory.Readable readable = (ProvisioningDirectory.Readable) content;
        return parser.parse(name, readable.bytes(), readable.checksum());
    }
}
