package io.dsm.connection.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.dsm.common.concurrent.BackgroundThreads;
import io.dsm.config.DsmConfig;
import io.dsm.connection.ConnectionTestResult;
import io.dsm.connection.service.ConnectionSpecs.Password;
import io.dsm.datasource.DataSourceInput;
import io.dsm.datasource.service.DataSourceRules;
import io.dsm.datasource.service.DataSourceRules.Purpose;
import io.quarkus.runtime.StartupEvent;

/**
 * A fresh JVM runs a connection test's code interpreted or half-compiled for hundreds of tests, and
 * users test rarely, so they would always meet that cold path (about twice the time of a warm test).
 * At start, before dsm reports ready, this runs whole tests, readiness and its replication
 * connection included, against dsm's own store, the one server dsm connects to anyway: the JSON of a
 * request and its answer, the rules, the probe, pgjdbc. Nothing is audited, logged or counted; no
 * user's server is contacted.
 */
@ApplicationScoped
@Readiness
public class ConnectionTestWarmUp implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ConnectionTestWarmUp.class);
    private static final Pattern STORE_URL = Pattern.compile("jdbc:postgresql://(\\[[^]]+]|[^/:?,]+)(?::(\\d+))?[^/]*/([^?]+).*");

    private final ConnectionTester tester;
    private final DataSourceRules rules;
    private final ObjectMapper json;
    private final int tests;
    private volatile boolean done;
    private volatile int passed;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    Optional<String> storeUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> storeUser;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> storePassword;

    private final BackgroundThreads threads;

    public ConnectionTestWarmUp(ConnectionTester tester, DataSourceRules rules, ObjectMapper json, DsmConfig config,
            BackgroundThreads threads) {
        this.threads = threads;
        this.tester = tester;
        this.rules = rules;
        this.json = json;
        this.tests = config.test().warmUp();
        this.done = tests <= 0;
    }

    void onStart(@Observes StartupEvent event) {
        if (!done) {
            threads.fixed("dsm-warm-up", 1).execute(this::run);
        }
    }

    /** How many warm-up tests passed: they reached the store, so the whole path ran. */
    int passed() {
        return passed;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("connection-test-warm-up").status(done).build();
    }

    private void run() {
        long start = System.nanoTime();
        int ran = 0;
        try {
            Optional<byte[]> body = storeAsRequest();
            for (; body.isPresent() && ran < tests; ran++) {
                DataSourceInput input = json.readValue(body.get(), DataSourceInput.class);
                rules.check(input, Purpose.TEST);
                Password password = Password.of(input.password());
                ConnectionTestResult result = tester.warmUp(ConnectionSpecs.of(input, password, password));
                json.writeValueAsBytes(result);
                passed += result.success() ? 1 : 0;
            }
        } catch (Exception | LinkageError e) {
            LOG.debugf(e, "The warm-up stopped after %d tests", ran);
        } finally {
            done = true;
            LOG.infof("Warmed up the connection test with %d tests of dsm's own store (%d passed) in %d ms", ran, passed,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** dsm's own store as the body of a test request, or empty when the store's URL is not one to parse. */
    private Optional<byte[]> storeAsRequest() throws Exception {
        Matcher url = STORE_URL.matcher(storeUrl.orElse(""));
        if (!url.matches()) {
            return Optional.empty();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "POSTGRESQL");
        body.put("attribute", "PRIMARY");
        body.put("host", url.group(1).replace("[", "").replace("]", ""));
        body.put("port", url.group(2) == null ? 5432 : Integer.parseInt(url.group(2)));
        body.put("username", storeUser.orElse("postgres"));
        body.put("password", storePassword.filter(p -> !p.isEmpty()).orElse("-"));
        body.put("databaseName", url.group(3));
        return Optional.of(json.writeValueAsBytes(body));
    }
}
