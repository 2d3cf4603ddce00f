package io.dsm.watch.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.dsm.config.StartupFailure;

/** DSM_WATCH_WEBHOOK_URL and its companions, checked at startup without ever echoing the URL or the secret. */
class WebhookSettingsTest {

    private static Optional<WebhookSettings> settings(String url) {
        return WebhookSettings.of(Optional.ofNullable(url), Optional.empty(), 8, Duration.ofSeconds(10), Duration.ofSeconds(2));
    }

    @Test
    void noUrlMeansNoWebhook() {
        assertThat(settings(null)).isEmpty();
        assertThat(settings("  ")).isEmpty();
    }

    @Test
    void anHttpsUrlIsTakenWithItsPathAndQueryAndShownOnlyByItsOrigin() {
        WebhookEndpoint endpoint = settings("https://hooks.example.com/services/T0/B0/tok-Secret-77?x=1").orElseThrow().endpoint();

        assertThat(endpoint.https()).isTrue();
        assertThat(endpoint.port()).isEqualTo(443);
        assertThat(endpoint.hostHeader()).isEqualTo("hooks.example.com");
        assertThat(endpoint.requestTarget()).isEqualTo("/services/T0/B0/tok-Secret-77?x=1");
        assertThat(endpoint.origin()).isEqualTo("https://hooks.example.com");
        assertThat(endpoint.toString()).doesNotContain("tok-Secret-77");
    }

    @Test
    void anIpv6LiteralIsDialedWithoutBracketsAndNamedWithThem() {
        WebhookEndpoint endpoint = settings("http://[::1]:8081").orElseThrow().endpoint();

        assertThat(endpoint.host()).isEqualTo("::1");
        assertThat(endpoint.hostHeader()).isEqualTo("[::1]:8081");
        assertThat(endpoint.requestTarget()).isEqualTo("/");
    }

    @Test
    void aUrlThatIsNotHttpOrHttpsStopsTheStartNamingTheVariable() {
        assertThatThrownBy(() -> settings("ftp://hooks.example.com/dsm")).isInstanceOf(StartupFailure.class)
                .hasMessageStartingWith("DSM_WATCH_WEBHOOK_URL must use http or https");
        assertThatThrownBy(() -> settings("hooks.example.com/dsm")).isInstanceOf(StartupFailure.class)
                .hasMessageStartingWith("DSM_WATCH_WEBHOOK_URL must be an absolute http or https URL");
        assertThatThrownBy(() -> settings("https:///dsm")).isInstanceOf(StartupFailure.class)
                .hasMessageStartingWith("DSM_WATCH_WEBHOOK_URL has no valid host name");
    }

    @Test
    void aUrlWithUserInfoStopsTheStartWithoutEchoingIt() {
        assertThatThrownBy(() -> settings("https://ops:pw-InUrl-19d4@hooks.example.com/dsm")).isInstanceOf(StartupFailure.class)
                .hasMessageContaining("DSM_WATCH_WEBHOOK_URL must not carry user info").hasMessageNotContaining("pw-InUrl-19d4");
    }

    @Test
    void anUnparsableUrlIsNotEchoed() {
        assertThatThrownBy(() -> settings("https://hooks.example.com/a b/tok-Bad-55")).isInstanceOf(StartupFailure.class)
                .hasMessageStartingWith("DSM_WATCH_WEBHOOK_URL is not a valid URL").hasMessageNotContaining("tok-Bad-55");
    }

    @Test
    void attemptsTimeoutAndSecretOutOfRangeStopTheStartNamingTheirVariable() {
        Optional<String> url = Optional.of("https://hooks.example.com/dsm");
        Duration timeout = Duration.ofSeconds(10);
        Duration backoff = Duration.ofSeconds(2);

        assertThatThrownBy(() -> WebhookSettings.of(url, Optional.empty(), 0, timeout, backoff))
                .hasMessageStartingWith("DSM_WATCH_WEBHOOK_MAX_ATTEMPTS");
        assertThatThrownBy(() -> WebhookSettings.of(url, Optional.empty(), 8, Duration.ofMinutes(6), backoff))
                .hasMessageStartingWith("DSM_WATCH_WEBHOOK_TIMEOUT");
        assertThatThrownBy(() -> WebhookSettings.of(url, Optional.of(" "), 8, timeout, backoff))
                .hasMessageStartingWith("DSM_WATCH_WEBHOOK_SECRET");
    }

    @Test
    void theSignerNeverPrintsItsKey() {
        WebhookSettings settings = WebhookSettings.of(Optional.of("https://hooks.example.com/dsm"), Optional.of("whsec-Printed-0a1b"),
                8, Duration.ofSeconds(10), Duration.ofSeconds(2)).orElseThrow();

        assertThat(settings.toString()).doesNotContain("whsec-Printed-0a1b");
    }
}
