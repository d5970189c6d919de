package io.github.camelnavixy.resilience;

import io.github.camelnavixy.client.ConnectionState;
import io.github.camelnavixy.client.NavixyConnectionException;
import io.github.camelnavixy.support.SimulatorRouteTestSupport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The consumer comes back after every kind of connection loss, subscribes again, and backs off while it cannot. */
class ReconnectTest extends SimulatorRouteTestSupport {

    private static final String FAST = "reconnectDelay=100ms&reconnectMaxDelay=400ms";



    private void awaitSubscriptions(long count) {
        await().atMost(15, TimeUnit.SECONDS)
                .until(() -> simulator.subscribeCount() >= count && simulator.activeSubscriptions() >= 1
                        && navixyConsumer().getConnectionState() == ConnectionState.SUBSCRIBED);
    }

    @Test
    void reconnectsAndResubscribesAfterAnAbruptClose() throws Exception {
        route(navixy("state_batch", FAST));
        awaitSubscriptions(1);

        simulator.dropConnections();

        awaitSubscriptions(2);
        assertThat(simulator.connectionsAccepted()).isEqualTo(2);
        // Tracking id 0 on every connect: the new socket got a fresh handshake.
        assertThat(simulator.connections()).allMatch(c -> c.handshakeSent());
    }

    @Test
    void reconnectsAfterACloseFrame() throws Exception {
        route(navixy("state_batch", FAST));
        awaitSubscriptions(1);

        simulator.closeConnections(1001, "going away");

        awaitSubscriptions(2);
    }

    @Test
    void reconnectsAfterTheServerRestartsOnTheSamePort() throws Exception {
        route(navixy("state_batch", FAST));
        awaitSubscriptions(1);

        simulator.restart(Duration.ofMillis(300));

        awaitSubscriptions(2);
        assertThat(simulator.maxOpenConnections()).isEqualTo(1);
    }

    @Test
    void replacesAConnectionThatWentSilent() throws Exception {
        route(navixy("state_batch", FAST + "&idleTimeout=600ms&pingInterval=200ms"));
        awaitSubscriptions(1);

        simulator.silenceConnections().toCompletionStage().toCompletableFuture().get(5, java.util.concurrent.TimeUnit.SECONDS);

        awaitSubscriptions(2);
        assertThat(navixyConsumer().getConnectionSnapshot().reconnects()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void keepsASlowButAliveConnectionThatAnswersPings() throws Exception {
        route(navixy("state_batch", FAST + "&idleTimeout=1500ms&pingInterval=200ms"));
        awaitSubscriptions(1);

        simulator.pauseFleet(); // no events at all: only pongs keep the link alive (server heartbeats come every 60 s)

        await().during(Duration.ofMillis(3000)).atMost(5, TimeUnit.SECONDS)
                .until(() -> simulator.connectionsAccepted() == 1);
    }

    @Test
    void backsOffExponentiallyWhileConnectionsAreRefused() throws Exception {
        simulator.refuseConnections();
        route(navixy("state_batch", "reconnectDelay=100ms&reconnectMaxDelay=2s"));

        await().atMost(10, TimeUnit.SECONDS).until(() -> navixyConsumer().getConnectionSnapshot().failures() >= 4);
        // Delays of 0.1, 0.2, 0.4, 0.8 s (jittered to at least half): a fixed 100 ms interval would try ~4x as often.
        long refusedAfterFour = simulator.connectionsRefused();
        assertThat(navixyConsumer().getConnectionSnapshot().nextRetryMillis()).isGreaterThan(0);
        assertThat(navixyConsumer().getConnectionState()).isEqualTo(ConnectionState.WAITING_TO_RECONNECT);
        await().during(Duration.ofMillis(300)).atMost(1, TimeUnit.SECONDS)
                .until(() -> simulator.connectionsRefused() <= refusedAfterFour + 1);

        simulator.acceptConnections();
        awaitSubscriptions(1);
        // The count is kept until the subscription has lasted the stability window (30 s here): a link that died
        // again at once would go on backing off from where it was (NavixyConnectionTest shows the reset).
        assertThat(navixyConsumer().getConnectionSnapshot().failures()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void givesUpAfterTheMaximumAttemptsAndSaysSo() throws Exception {
        simulator.refuseConnections();
        route(navixy("state_batch", "reconnectDelay=100ms&reconnectMaxAttempts=3"));

        await().atMost(10, TimeUnit.SECONDS).until(() -> navixyConsumer().getConnectionState() == ConnectionState.FAILED);
        assertThat(errors.errorsOf(NavixyConnectionException.class)).hasSize(1);
        assertThat(errors.errorsOf(NavixyConnectionException.class).get(0).getMessage()).contains("gave up after 3");
        await().during(Duration.ofMillis(300)).atMost(2, TimeUnit.SECONDS).until(() -> simulator.connectionsRefused() == 3);
    }

    @Test
    void backsOffWhenTheServerSaysTooManyRequests() throws Exception {
        simulator.failNextSubscribes(1, 15);
        long[] acceptedAt = new long[2];
        simulator.awaitConnectionsAccepted(1).thenRun(() -> acceptedAt[0] = System.nanoTime());
        simulator.awaitConnectionsAccepted(2).thenRun(() -> acceptedAt[1] = System.nanoTime());
        route(navixy("state_batch", "reconnectDelay=400ms&reconnectMaxDelay=2s"));

        awaitSubscriptions(1);
        assertThat(simulator.subscribeErrors()).isEqualTo(1);
        assertThat(simulator.connectionsAccepted()).isEqualTo(2);
        assertThat(navixyConsumer().getConnectionSnapshot().reconnects()).isEqualTo(1);
        // The first failure waits between half and all of reconnectDelay: at least 200 ms between the two sockets.
        assertThat((acceptedAt[1] - acceptedAt[0]) / 1_000_000).isGreaterThanOrEqualTo(200);
    }

    @Test
    void neverHasTwoSocketsOpenAcrossRepeatedDrops() throws Exception {
        route(navixy("state_batch", FAST));
        for (int round = 1; round <= 5; round++) {
            awaitSubscriptions(round);
            simulator.dropConnections();
        }
        awaitSubscriptions(6);
        assertThat(simulator.maxOpenConnections()).isEqualTo(1);
    }
}
