package io.dsm.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Everything dsm itself is configured with. The {@code dsm.} prefix means every value can also be
 * set as a {@code DSM_*} environment variable (for example {@code DSM_REGIONS}).
 */
@ConfigMapping(prefix = "dsm")
public interface DsmConfig {

    /** Regions a data source may be placed in; the first one is the default when there is only one. */
    @WithDefault("default")
    List<String> regions();

    /** Where the embedded store and the generated secret key live. */
    @WithName("data-dir")
    @WithDefault("./data")
    Path dataDir();

    /**
     * Base64 of the 32-byte AES key that encrypts stored passwords. Optional only with the embedded
     * store, which then generates one in the data directory.
     */
    @WithName("secret-key")
    Optional<String> secretKey();

    /**
     * Keys that sealed passwords before a key rotation ({@code DSM_SECRET_KEY_PREVIOUS}, comma-separated):
     * accepted for reading until {@code POST /api/admin/secret-key/rotation} has re-encrypted everything
     * under {@code DSM_SECRET_KEY}; never used to write.
     */
    @WithName("secret-key-previous")
    Optional<List<String>> secretKeyPrevious();

    /**
     * Password of the first administrator, user {@code admin}, used only when that user is created
     * ({@code DSM_ADMIN_PASSWORD}). Without it, a random one is printed once on the first start.
     */
    @WithName("admin-password")
    Optional<String> adminPassword();

    /**
     * Where {@code file:} password references point ({@code DSM_SECRETS_DIR}), for example a mounted
     * Kubernetes Secret. Without it only {@code env:DSM_SOURCE_*} references can be used.
     */
    @WithName("secrets-dir")
    Optional<Path> secretsDir();

    /** Data sources declared in files. */
    Provisioning provisioning();

    interface Provisioning {
        /** The folder of provisioning files ({@code DSM_PROVISIONING_DIR}); none by default. */
        Optional<Path> dir();

        /** How often the folder is looked at for changed files ({@code DSM_PROVISIONING_SCAN_INTERVAL}). */
        @WithName("scan-interval")
        @WithDefault("2s")
        Duration scanInterval();
    }

    /** Signing in and sessions. */
    Auth auth();

    /** Connection tests. */
    Test test();

    /** Where connection tests and heartbeats may connect. */
    Connect connect();

    /** The heartbeat writer. */
    Heartbeat heartbeat();

    /** The readiness watch: every data source re-checked in the background. */
    Watch watch();

    /** The thresholds of readiness findings, in tests and in the watch alike. */
    Readiness readiness();

    /** Readiness findings a team accepted as a risk. */
    Acceptance acceptance();

    interface Acceptance {
        /**
         * How many days ahead an acceptance of a finding that can block may expire at most
         * ({@code DSM_ACCEPTANCE_MAX_DAYS}): a blocker is accepted for a while, never for good.
         */
        @WithName("max-days")
        @WithDefault("90")
        int maxDays();
    }

    interface Readiness {
        /**
         * How long a transaction may hold a transaction id before {@code slots.creation} names it
         * ({@code DSM_READINESS_LONG_TRANSACTION}): creating a replication slot waits for it to end.
         */
        @WithName("long-transaction")
        @WithDefault("5m")
        Duration longTransaction();

        /** How far ahead a password that expires (VALID UNTIL) is a warning ({@code DSM_READINESS_PASSWORD_EXPIRY_WARNING}). */
        @WithName("password-expiry-warning")
        @WithDefault("30d")
        Duration passwordExpiryWarning();

        /**
         * The sessions a migration project opens at once ({@code DSM_READINESS_PROJECT_SESSIONS}), which
         * {@code role.connection_limit} wants free under the role's and the database's connection limits.
         */
        @WithName("project-sessions")
        @WithDefault("4")
        int projectSessions();

        /**
         * Whether the replication connection of a check creates a temporary logical slot, which the server
         * drops when the connection ends, to prove a project's slot can be created now
         * ({@code DSM_READINESS_SLOT_PROBE}): {@code tests} in connection tests and re-checks, {@code always}
         * in the watch too, {@code off} never (IDENTIFY_SYSTEM only).
         */
        @WithName("slot-probe")
        @WithDefault("tests")
        SlotProbe slotProbe();

        /**
         * How long a check may spend trying {@code SELECT ... LIMIT 0} on the views and foreign tables in scope
         * ({@code DSM_READINESS_PROBE_BUDGET}) for {@code tables.readable}; those left when it is used up are
         * counted, not tried.
         */
        @WithName("probe-budget")
        @WithDefault("50ms")
        Duration probeBudget();

        /** How long the probe waits for the slot at most ({@code DSM_READINESS_SLOT_PROBE_WAIT}), within the test's timeout. */
        @WithName("slot-probe-wait")
        @WithDefault("1s")
        Duration slotProbeWait();

        enum SlotProbe {
            OFF,
            TESTS,
            ALWAYS
        }
    }

    interface Watch {
        /** Whether this instance takes part in the watch ({@code DSM_WATCH_ENABLED}); the API answers either way. */
        @WithDefault("true")
        boolean enabled();

        /** How often each data source is re-checked ({@code DSM_WATCH_INTERVAL}): at least 5s. */
        @WithDefault("10m")
        Duration interval();

        /**
         * Checks that run at once on this instance ({@code DSM_WATCH_THREADS}), whatever the number of data
         * sources. Each check opens at most two connections per endpoint (a session and, for incremental
         * sync, a replication connection) and closes them before the next one starts.
         */
        @WithDefault("4")
        int threads();

        /** Changes kept per data source in its readiness history ({@code DSM_WATCH_HISTORY_LIMIT}). */
        @WithName("history-limit")
        @WithDefault("200")
        int historyLimit();

        /** How long the readiness history keeps a change ({@code DSM_WATCH_HISTORY_RETENTION}). */
        @WithName("history-retention")
        @WithDefault("30d")
        Duration historyRetention();

        /** The least time between two re-checks asked for through the API, per data source ({@code DSM_WATCH_RECHECK_MIN_INTERVAL}). */
        @WithName("recheck-min-interval")
        @WithDefault("10s")
        Duration recheckMinInterval();

        /** WAL retained by an inactive slot from which it is a warning ({@code DSM_WATCH_SLOT_WARNING_BYTES}, default 1 GiB). */
        @WithName("slot-warning-bytes")
        @WithDefault("1073741824")
        long slotWarningBytes();

        /** Where to send an event on every readiness state change ({@code DSM_WATCH_WEBHOOK_URL}); none by default. */
        @WithName("webhook-url")
        Optional<String> webhookUrl();

        /** Key of the HMAC-SHA256 signature of each event ({@code DSM_WATCH_WEBHOOK_SECRET}); unsigned without it. */
        @WithName("webhook-secret")
        Optional<String> webhookSecret();

        /** Attempts to deliver one event before it is given up ({@code DSM_WATCH_WEBHOOK_MAX_ATTEMPTS}). */
        @WithName("webhook-max-attempts")
        @WithDefault("8")
        int webhookMaxAttempts();

        /** The wait before the first retry of an event, doubled for each further one up to 10 min ({@code DSM_WATCH_WEBHOOK_BACKOFF}). */
        @WithName("webhook-backoff")
        @WithDefault("2s")
        Duration webhookBackoff();

        /** How long one delivery attempt may take ({@code DSM_WATCH_WEBHOOK_TIMEOUT}). */
        @WithName("webhook-timeout")
        @WithDefault("10s")
        Duration webhookTimeout();
    }

    interface Heartbeat {
        /** How often each heartbeat table is updated ({@code DSM_HEARTBEAT_INTERVAL}), as OMS does. */
        @WithDefault("5s")
        Duration interval();

        /** Threads that write beats ({@code DSM_HEARTBEAT_THREADS}); never one per data source. */
        @WithDefault("8")
        int threads();

        /** Open connections to targets at most ({@code DSM_HEARTBEAT_MAX_CONNECTIONS}); they are shared by data sources with the same target. */
        @WithDefault("100")
        int maxConnections();
    }

    interface Auth {
        /** How long a console session lasts after sign-in ({@code DSM_AUTH_SESSION_TIMEOUT}). */
        @WithDefault("8h")
        Duration sessionTimeout();

        /** Failed sign-ins allowed per minute, per user and per client address, before 429 ({@code DSM_AUTH_FAILED_SIGN_INS_PER_MINUTE}). */
        @WithDefault("5")
        int failedSignInsPerMinute();

        /** PBKDF2 iterations for new password hashes ({@code DSM_AUTH_PASSWORD_HASH_ITERATIONS}). */
        @WithDefault("600000")
        int passwordHashIterations();
    }

    interface Test {
        /** How long one connection test may take in all ({@code DSM_TEST_TIMEOUT}, at most 30s). */
        @WithDefault("5s")
        Duration timeout();

        /** How many tests may run at once ({@code DSM_TEST_CONCURRENCY}); more get 429. */
        @WithDefault("16")
        int concurrency();

        /**
         * How many connection tests dsm runs against its own store at start, before it reports ready
         * ({@code DSM_TEST_WARM_UP}; 0: none), so that the first tests users run do not pay for a cold JVM.
         */
        @WithDefault("200")
        int warmUp();
    }

    interface Connect {
        /**
         * The addresses no user should reach through dsm: "this network" (0.0.0.0/8 and ::, which
         * Linux dials as loopback), link-local ranges (AWS, GCP, Azure and OCI metadata at
         * 169.254.169.254), AWS's IPv6 metadata, Alibaba Cloud's metadata and Azure's wire server.
         * Loopback and private ranges stay allowed: users test local databases.
         */
        String DEFAULT_DENY = "0.0.0.0/8,169.254.0.0/16,100.100.100.200/32,168.63.129.16/32,::/128,fe80::/10,fd00:ec2::254/128";

        /** CIDRs never connected to ({@code DSM_CONNECT_DENY}); the default holds the cloud metadata addresses. */
        @WithDefault(DEFAULT_DENY)
        List<String> deny();

        /** If set, only these CIDRs may be connected to ({@code DSM_CONNECT_ALLOW}); deny still wins. */
        Optional<List<String>> allow();
    }
}
