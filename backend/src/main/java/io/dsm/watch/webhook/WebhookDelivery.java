package io.dsm.watch.webhook;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.dsm.common.concurrent.BackgroundThreads;
import io.dsm.config.DsmConfig;
import io.dsm.connection.service.AddressPolicy;
import io.dsm.connection.service.Hosts;
import io.dsm.watch.service.ReadinessEvent;
import io.dsm.common.lease.InstanceIdentity;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Sends the readiness events that CheckResults queues in readiness_event to DSM_WATCH_WEBHOOK_URL.
 * Every second one thread claims the oldest due event, posts it, and stores the outcome, until none
 * is due: any instance may deliver any event, exactly one at a time, in the order they were created
 * (a retried event waits for its backoff while newer ones go ahead, so receivers order by
 * occurredAt). Delivery is at least once: an instance that dies after the receiver answered but
 * before storing it leaves the event to be sent again, with the same X-Dsm-Event-Id.
 *
 * <p>The URL, its path (often a token) and the secret are never logged; logs and last_error name
 * only the receiver's scheme, host and port.
 */
@Singleton
public class WebhookDelivery {

    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class);
    private static final Duration POLL_EVERY = Duration.ofSeconds(1);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);
    /** Events one round sends at most, so that a long backlog still lets the gauge and the purge run between rounds. */
    private static final int MAX_PER_ROUND = 100;
    private static final int MAX_MESSAGE = 200;

    private final Optional<WebhookSettings> settings;
    private final EventQueue queue;
    private final AddressPolicy policy;
    private final String owner;
    private final WebhookMeters meters;
    private final Backoff backoff;
    private final ScheduledThreadPoolExecutor poller;
    private final ExecutorService resolver;
    private final ReceiverAddresses addresses;
    private final WebhookClient client;
    private volatile boolean stopping;
    private volatile boolean paused;
    private volatile boolean receiverFailing;
    private volatile long purgedAtNanos = System.nanoTime() - PURGE_EVERY.toNanos();

    @Inject
    public WebhookDelivery(DsmConfig config, AgroalDataSource store, AddressPolicy policy, InstanceIdentity instance,
            MeterRegistry meterRegistry, WebhookClient client, BackgroundThreads threads) {
        this(WebhookSettings.of(config), config, store, policy, instance, meterRegistry, client, threads);
    }

    private WebhookDelivery(Optional<WebhookSettings> settings, DsmConfig config, AgroalDataSource store, AddressPolicy policy,
            InstanceIdentity instance, MeterRegistry meterRegistry, WebhookClient client, BackgroundThreads threads) {
        this.settings = settings;
        this.poller = threads.scheduled("dsm-webhook", 1);
        this.resolver = threads.fixed("dsm-webhook-dns", 1);
        this.queue = new EventQueue(store);
        this.policy = policy;
        this.owner = instance.name();
        this.meters = new WebhookMeters(meterRegistry);
        this.backoff = new Backoff(settings.map(WebhookSettings::backoff).orElse(Duration.ofSeconds(2)), new Random());
        this.addresses = new ReceiverAddresses(policy, resolver);
        this.client = client;
        if (settings.isEmpty() && config.watch().webhookSecret().isPresent()) {
            LOG.warn("DSM_WATCH_WEBHOOK_SECRET is set but DSM_WATCH_WEBHOOK_URL is not: no readiness events are sent");
        }
    }

    void onStart(@Observes StartupEvent event) {
        if (settings.isEmpty()) {
            return;
        }
        WebhookSettings webhook = settings.get();
        Hosts.ipLiteral(webhook.endpoint().host()).flatMap(address -> policy.refusal(address, webhook.endpoint().port()))
                .ifPresent(refusal -> LOG.warnf(
                        "DSM_WATCH_WEBHOOK_URL points at an address the address policy refuses (%s): every event will be given up",
                        refusal.reason().english()));
        poller.scheduleWithFixedDelay(this::poll, 0, POLL_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        LOG.infof("Readiness webhook started: events to %s, %s, up to %d attempts of at most %s each", webhook.endpoint().origin(),
                webhook.signer().isPresent() ? "signed (X-Dsm-Signature)" : "unsigned", webhook.maxAttempts(), webhook.timeout());
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        poller.shutdown();
        try {
            // An attempt under way may finish and store its outcome; one still running keeps its claim until the lease expires.
            if (poller.awaitTermination(2, TimeUnit.SECONDS) && settings.isPresent()) {
                queue.release(owner);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Webhook claims could not be released (they expire by themselves): %s", e.getMessage());
        }
        poller.shutdownNow();
        resolver.shutdownNow();
    }

    /** One round: purge old events now and then, send the due ones, refresh the pending gauge. */
    void poll() {
        try {
            if (System.nanoTime() - purgedAtNanos >= PURGE_EVERY.toNanos()) {
                purgeSettled();
                purgedAtNanos = System.nanoTime();
            }
            for (int sent = 0; sent < MAX_PER_ROUND && !stopping; sent++) {
                Optional<EventQueue.Claimed> claimed = queue.claimNext(owner, settings.orElseThrow().claimTtl());
                if (claimed.isEmpty() || !deliver(claimed.get())) {
                    break;
                }
            }
            meters.pending(queue.pending());
            if (paused) {
                paused = false;
                LOG.info("Readiness webhook resumed: the store answers again");
            }
        } catch (SQLException | RuntimeException e) {
            if (!paused) {
                paused = true;
                LOG.warnf("Readiness webhook paused until the store answers: %s", e.getMessage());
            }
        }
    }

    /** Deletes events delivered or given up more than 7 days ago. */
    int purgeSettled() throws SQLException {
        int purged = queue.purgeSettled(WebhookSettings.RETENTION);
        if (purged > 0) {
            LOG.debugf("Deleted %d readiness events settled more than %s ago", purged, WebhookSettings.RETENTION);
        }
        return purged;
    }

    /** Sends one event and stores what came of it; false when the receiver is failing, so that the round stops. */
    private boolean deliver(EventQueue.Claimed event) throws SQLException {
        WebhookSettings webhook = settings.orElseThrow();
        Outcome outcome = attempt(event, webhook);
        boolean lastAttempt = event.attempt() >= webhook.maxAttempts();
        meters.count(outcome, lastAttempt);
        if (outcome instanceof Outcome.Delivered) {
            queue.delivered(event.id(), owner);
            if (receiverFailing) {
                receiverFailing = false;
                LOG.infof("Readiness webhook %s accepts events again", webhook.endpoint().origin());
            }
            return true;
        }
        if (outcome instanceof Outcome.Retry retry) {
            if (lastAttempt) {
                queue.givenUp(event.id(), owner, retry.error());
                LOG.warnf("Readiness event %s given up after %d attempts: %s", event.id(), event.attempt(), retry.error());
                return false;
            }
            Duration delay = backoff.after(event.attempt(), retry.retryAfter());
            queue.retryAfter(event.id(), owner, delay, retry.error());
            if (!receiverFailing) {
                receiverFailing = true;
                LOG.warnf("Readiness webhook %s is failing (%s); events are retried with backoff, up to %d attempts each",
                        webhook.endpoint().origin(), retry.error(), webhook.maxAttempts());
            }
            return false;
        }
        String error = outcome instanceof Outcome.Refused refused ? refused.error() : ((Outcome.Rejected) outcome).error();
        queue.givenUp(event.id(), owner, error);
        LOG.warnf("Readiness event %s given up without retrying: %s", event.id(), error);
        return true;
    }

    private Outcome attempt(EventQueue.Claimed event, WebhookSettings webhook) {
        WebhookEndpoint endpoint = webhook.endpoint();
        long deadlineNanos = System.nanoTime() + webhook.timeout().toNanos();
        byte[] payload = event.payload().getBytes(StandardCharsets.UTF_8);
        try {
            ReceiverAddresses.Resolution resolution = addresses.resolve(endpoint.host(), endpoint.port(), deadlineNanos);
            if (resolution instanceof ReceiverAddresses.Refused refused) {
                return new Outcome.Refused("not sent: " + refused.reason());
            }
            return Outcome.of(client.post(endpoint, ((ReceiverAddresses.Allowed) resolution).addresses(),
                    headers(event, payload, webhook.signer()), payload, deadlineNanos));
        } catch (SocketTimeoutException e) {
            return retry(endpoint.origin() + " did not answer within " + webhook.timeout());
        } catch (UnknownHostException e) {
            return retry("could not resolve " + endpoint.host());
        } catch (ConnectException e) {
            return retry(endpoint.origin() + " refused the connection");
        } catch (SSLException e) {
            return retry("TLS with " + endpoint.origin() + " failed: " + shortMessage(e));
        } catch (IOException e) {
            return retry(endpoint.origin() + ": " + shortMessage(e));
        }
    }

    private static Map<String, String> headers(EventQueue.Claimed event, byte[] payload, Optional<EventSigner> signer) {
        long timestamp = Instant.now().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "dsm");
        // The outbox holds readiness changes only; a new kind of event would carry its type in its row.
        headers.put("X-Dsm-Event", ReadinessEvent.TYPE);
        headers.put("X-Dsm-Event-Id", event.id().toString());
        headers.put("X-Dsm-Delivery-Attempt", Integer.toString(event.attempt()));
        headers.put("X-Dsm-Timestamp", Long.toString(timestamp));
        signer.ifPresent(key -> headers.put("X-Dsm-Signature", key.signature(timestamp, payload)));
        return headers;
    }

    private static Outcome retry(String error) {
        return new Outcome.Retry(error, Optional.empty());
    }

    private static String shortMessage(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
    }
}
