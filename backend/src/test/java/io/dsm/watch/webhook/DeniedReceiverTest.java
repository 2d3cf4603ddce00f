package io.dsm.watch.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A receiver whose address the address policy forbids is never contacted; its events are given up at once. */
@QuarkusTest
@TestProfile(DeniedReceiverProfile.class)
class DeniedReceiverTest {

    private static final AtomicInteger CONNECTIONS = new AtomicInteger();
    private static ServerSocket listener;

    @BeforeAll
    static void listenOnTheDeniedAddress() throws IOException {
        listener = new ServerSocket(ReceiverPorts.of("denied"), 50, InetAddress.getByName(DeniedReceiverProfile.DENIED_ADDRESS));
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket ignored = listener.accept()) {
                    CONNECTIONS.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "denied-receiver");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterAll
    static void stopListening() throws IOException {
        listener.close();
    }

    @Test
    void anEventForADeniedAddressIsGivenUpWithoutConnecting() {
        String eventId = QueuedEvents.queue();

        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> QueuedEvents.row(eventId).givenUpAt() != null);

        QueuedEvents.Row row = QueuedEvents.row(eventId);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).contains(DeniedReceiverProfile.DENIED_ADDRESS).contains("DSM_CONNECT_DENY");
        assertThat(CONNECTIONS).hasValue(0);
    }
}
