package io.dsm.connection.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.dsm.common.concurrent.BackgroundThreads;
import io.dsm.config.DsmConfig;
import io.dsm.config.StartupFailure;
import io.dsm.connection.CheckStatus;
import io.dsm.connection.CheckTarget;
import io.dsm.connection.Check;
import io.dsm.connection.ConnectionTestResult;
import io.dsm.acceptance.service.LiveAcceptance;
import io.dsm.readiness.ReadinessScope;
import io.dsm.readiness.service.ReadinessLimits;
import io.dsm.readiness.service.SlotUsage;
import io.dsm.readiness.service.ServedScopes;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Runs connection tests: at most DSM_TEST_CONCURRENCY at once, each within DSM_TEST_TIMEOUT, the
 * endpoints of a primary/standby pair side by side so that one slow half does not starve the other.
 */
@Startup
@Singleton
public class ConnectionTester {

    static final Duration MAX_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(ConnectionTester.class);

    private final Duration timeout;
    private final Semaphore permits;
    private final AddressPolicy policy;
    private final AddressPolicy warmUpPolicy;
    private final MeterRegistry meters;
    private final ReadinessLimits limits;
    private final DsmConfig.Readiness.SlotProbe slotProbe;
    private final Duration slotProbeWait;
    private final ExecutorService workers;
    /** Cancels a temporary slot's creation that waits too long. */
    private final ScheduledExecutorService cancels;

    public ConnectionTester(DsmConfig config, AddressPolicy policy, MeterRegistry meters, BackgroundThreads threads) {
        this.workers = threads.elastic("dsm-test-worker");
        this.cancels = threads.scheduled("dsm-slot-probe-cancel", 1);
        this.timeout = config.test().timeout();
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new StartupFailure("DSM_TEST_TIMEOUT must be more than 0 and at most 30s; it is " + timeout.toSeconds() + "s");
        }
        if (config.test().concurrency() < 1) {
            throw new StartupFailure("DSM_TEST_CONCURRENCY must be at least 1");
        }
        this.permits = new Semaphore(config.test().concurrency());
        this.policy = policy;
        this.warmUpPolicy = policy.reachingOwnStore();
        this.meters = meters;
        this.limits = limits(config);
        this.slotProbe = config.readiness().slotProbe();
        this.slotProbeWait = config.readiness().slotProbeWait();
        if (slotProbeWait.isNegative() || slotProbeWait.isZero()) {
            throw new StartupFailure("DSM_READINESS_SLOT_PROBE_WAIT must be more than 0");
        }
    }

    private static ReadinessLimits limits(DsmConfig config) {
        DsmConfig.Readiness readiness = config.readiness();
        if (readiness.longTransaction().isNegative() || readiness.passwordExpiryWarning().isNegative()) {
            throw new StartupFailure("DSM_READINESS_LONG_TRANSACTION and DSM_READINESS_PASSWORD_EXPIRY_WARNING must not be negative");
        }
        if (readiness.projectSessions() < 1) {
            throw new StartupFailure("DSM_READINESS_PROJECT_SESSIONS must be at least 1; it is " + readiness.projectSessions());
        }
        if (readiness.probeBudget().isNegative()) {
            throw new StartupFailure("DSM_READINESS_PROBE_BUDGET must not be negative");
        }
        return new ReadinessLimits(config.watch().slotWarningBytes(), readiness.longTransaction(),
                readiness.passwordExpiryWarning(), readiness.projectSessions(), readiness.probeBudget());
    }

    /** @throws TooManyTests when DSM_TEST_CONCURRENCY tests are already running */
    /** @param accepted the acceptances in force for a saved source, empty for an unsaved one */
    public ConnectionTestResult test(List<ConnectionSpec> specs, List<LiveAcceptance> accepted) {
        ConnectionTestResult result = run(specs, policy, slotProbeIn(false), accepted);
        meters.counter("dsm.connection.tests", "outcome", result.success() ? "passed" : "failed").increment();
        LOG.infof("Connection test of %s: %s in %d ms", specs.get(0), result.success() ? "passed" : "failed "
                + result.checks().stream().filter(c -> c.status() == CheckStatus.FAILED).map(c -> c.target() + " " + c.name())
                        .toList(), result.elapsedMs());
        return result;
    }

    /**
     * A test that no one asked for ({@link ConnectionTestWarmUp}): neither logged nor counted. It is
     * the one test that may reach dsm's own store, since its specs come from dsm's configuration,
     * never from a request.
     */
    ConnectionTestResult warmUp(List<ConnectionSpec> specs) {
        return run(specs, warmUpPolicy, Optional.empty(), List.of());
    }

    /**
     * A check of the readiness watch: it takes no test permit, since the watch's own threads bound
     * it, and is logged at debug level only; the slots of the primary's database come with it. Its
     * results are stored and sent by webhook, for no reader in particular: in English.
     */
    SourceCheck.Outcome watch(List<ConnectionSpec> specs, List<LiveAcceptance> accepted) {
        Probed probed = probe(specs, policy, slotProbeIn(true), accepted);
        LOG.debugf("Readiness check of %s in %d ms", specs.get(0), probed.result().elapsedMs());
        return new SourceCheck.Outcome(probed.result(), probed.slots());
    }

    /**
     * A re-check a user asked for: a test like any other, that takes a permit or throws {@link TooManyTests}. It is
     * stored as the watch's latest result, which everyone reads, so it is in English like the watch's.
     */
    SourceCheck.Outcome recheck(List<ConnectionSpec> specs, List<LiveAcceptance> accepted) {
        acquire();
        try {
            Probed probed = probe(specs, policy, slotProbeIn(false), accepted);
            meters.counter("dsm.connection.tests", "outcome", probed.result().success() ? "passed" : "failed").increment();
            return new SourceCheck.Outcome(probed.result(), probed.slots());
        } finally {
            permits.release();
        }
    }

    /** The temporary slot probe's bound for a check of the watch or not, or empty where DSM_READINESS_SLOT_PROBE leaves it out. */
    private Optional<Duration> slotProbeIn(boolean watch) {
        boolean probes = slotProbe == DsmConfig.Readiness.SlotProbe.ALWAYS
                || slotProbe == DsmConfig.Readiness.SlotProbe.TESTS && !watch;
        return probes ? Optional.of(slotProbeWait) : Optional.empty();
    }

    private ConnectionTestResult run(List<ConnectionSpec> specs, AddressPolicy policy, Optional<Duration> slotProbeWait,
            List<LiveAcceptance> accepted) {
        acquire();
        try {
            return probe(specs, policy, slotProbeWait, accepted).result();
        } finally {
            permits.release();
        }
    }

    private void acquire() {
        if (!permits.tryAcquire()) {
            meters.counter("dsm.connection.tests", "outcome", "rejected").increment();
            throw new TooManyTests();
        }
    }

    private record Probed(ConnectionTestResult result, List<SlotUsage> slots) {
    }

    private Probed probe(List<ConnectionSpec> specs, AddressPolicy policy, Optional<Duration> slotProbeWait,
            List<LiveAcceptance> accepted) {
        long start = System.nanoTime();
        TestBudget budget = new TestBudget(timeout);
        List<Future<TargetProbe>> others = new ArrayList<>();
        boolean pair = specs.size() > 1;
        for (ConnectionSpec spec : specs.subList(1, specs.size())) {
            others.add(workers.submit(() -> probe(spec, pair, budget, policy, slotProbeWait).run()));
        }
        List<TargetProbe> probes = new ArrayList<>();
        probes.add(probe(specs.get(0), pair, budget, policy, slotProbeWait).run());
        for (Future<TargetProbe> other : others) {
            probes.add(await(other));
        }
        probes.forEach(probe -> probe.apply(accepted));
        List<Check> checks = probes.stream().flatMap(p -> p.checks().stream()).toList();
        boolean success = checks.stream().noneMatch(c -> c.status() == CheckStatus.FAILED);
        String version = probes.stream().flatMap(p -> p.serverVersion().stream()).findFirst().orElse(null);
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        return new Probed(new ConnectionTestResult(success, elapsed, version, checks,
                ReadinessReports.of(specs.get(0).attribute(), probes, accepted)), probes.get(0).readiness().slots());
    }

    private TargetProbe probe(ConnectionSpec spec, boolean pair, TestBudget budget, AddressPolicy policy,
            Optional<Duration> slotProbeWait) {
        Set<ReadinessScope> served = ServedScopes.ofEndpoint(spec.attribute(), spec.target() == CheckTarget.STANDBY, pair);
        return new TargetProbe(spec, served, policy, budget, workers, cancels, limits, slotProbeWait);
    }

    private static TargetProbe await(Future<TargetProbe> probe) {
        try {
            return probe.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("A connection probe failed unexpectedly", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while testing a connection", e);
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
