package io.github.camelnavixy.client;

import io.github.camelnavixy.model.NavixyEvent;
import io.github.camelnavixy.simulator.NavixySimulator;
import io.github.camelnavixy.subscription.SubscriptionPlan;
import io.github.camelnavixy.subscription.SubscriptionPlanParser;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.WebSocketClientOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@link NavixyConnection} against the simulator, without Camel: states, logins, sessions, backoff, heartbeats. */
class NavixyConnectionTest {

    private static final SubscriptionPlan PLAN = SubscriptionPlanParser.parse("state_batch", "all", null, null, null,
            null, null, true);

    private final Vertx vertx = Vertx.vertx();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final RecordingListener listener = new RecordingListener();
    private NavixySimulator simulator;

    @AfterEach
    void tearDown() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private NavixySimulator simulator(NavixySimulator.Builder builder) {
        simulator = builder.fleetSize(3).tickInterval(Duration.ofMillis(100)).defaultRateLimit(Duration.ofMillis(200))
                .build().start();
        toClose.add(simulator);
        return simulator;
    }

    private ConnectionSettings settings(long firstDelay, long maxDelay) {
        return new ConnectionSettings(simulator.webSocketUrl(), new BackoffPolicy(firstDelay, maxDelay, -1), 0, 5000,
                1 << 20, 200, 1000, ZoneOffset.UTC);
    }

    private LoginHashSource login() {
        LoginHashSource source = new LoginHashSource(vertx, new HttpClientOptions(), simulator.baseUrl(),
                NavixySimulator.DEFAULT_LOGIN, NavixySimulator.DEFAULT_PASSWORD, 1000);
        toClose.add(source::close);
        return source;
    }

    private NavixyConnection start(ConnectionSettings settings, HashSource source) {
        NavixyConnection connection = new NavixyConnection(vertx, new WebSocketClientOptions(), settings, PLAN, source,
                listener, "test");
        toClose.add(() -> connection.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
        connection.start();
        return connection;
    }

    private static void stop(NavixyConnection connection) throws Exception {
        connection.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private void awaitState(NavixyConnection connection, ConnectionState state) {
        await().atMost(10, TimeUnit.SECONDS).until(() -> connection.state() == state);
    }

    @Test
    void goesThroughItsStatesAndUnsubscribesOnStop() throws Exception {
        simulator(NavixySimulator.builder());
        NavixyConnection connection = start(settings(100, 1000), new ApiKeyHashSource(simulator.apiKey()));
        awaitState(connection, ConnectionState.SUBSCRIBED);
        await().atMost(10, TimeUnit.SECONDS).until(() -> !listener.events.isEmpty());

        stop(connection);

        assertThat(listener.states()).containsExactly(ConnectionState.CONNECTING, ConnectionState.HANDSHAKING,
                ConnectionState.SUBSCRIBING, ConnectionState.SUBSCRIBED, ConnectionState.STOPPING, ConnectionState.STOPPED);
        assertThat(simulator.receivedRequests()).extracting(r -> r.path("action").asText())
                .containsExactly("subscribe", "unsubscribe");
        await().atMost(5, TimeUnit.SECONDS).until(() -> simulator.openConnections() == 0);
    }

    @Test
    void logsInAgainAfterALogoutWithAStateThatSaysSo() throws Exception {
        simulator(NavixySimulator.builder());
        NavixyConnection connection = start(settings(100, 1000), login());
        awaitState(connection, ConnectionState.SUBSCRIBED);
        List<ConnectionSnapshot> whileLoggingIn = new java.util.concurrent.CopyOnWriteArrayList<>();
        listener.onState = s -> {
            if (s == ConnectionState.LOGGING_IN) {
                whileLoggingIn.add(connection.snapshot());
            }
        };

        simulator.logout();

        await().atMost(10, TimeUnit.SECONDS).until(() -> simulator.subscribeCount() >= 2
                && connection.state() == ConnectionState.SUBSCRIBED);
        assertThat(listener.states()).containsSubsequence(ConnectionState.SUBSCRIBED, ConnectionState.WAITING_TO_RECONNECT,
                ConnectionState.LOGGING_IN, ConnectionState.CONNECTING, ConnectionState.SUBSCRIBED);
        assertThat(whileLoggingIn).hasSize(1);
        assertThat(whileLoggingIn.get(0).openSockets()).isZero();
        assertThat(listener.events).extracting(NavixyEvent::name).contains(NavixyEvent.LOGOUT);
        assertThat(simulator.loginCount()).isEqualTo(2);
        assertThat(listener.gaveUp).isEmpty();
    }

    @Test
    void reportsALoginWithoutAnswerAndTriesAgain() {
        simulator(NavixySimulator.builder());
        simulator.stallLogins(true);
        NavixyConnection connection = start(settings(100, 1000), login()); // request timeout 1 s

        awaitState(connection, ConnectionState.LOGGING_IN);
        await().atMost(10, TimeUnit.SECONDS).until(() -> listener.loginFailures.size() >= 2);
        assertThat(listener.loginFailures.get(0).getMessage()).contains("user/auth gave no answer within 1000 ms");
        assertThat(connection.snapshot().state()).isIn(ConnectionState.LOGGING_IN, ConnectionState.WAITING_TO_RECONNECT);
        assertThat(connection.snapshot().openSockets()).isZero();

        simulator.stallLogins(false);
        awaitState(connection, ConnectionState.SUBSCRIBED);
    }

    @Test
    void waitsTenMinutesAfterLoginsLimitExceeded() {
        simulator(NavixySimulator.builder());
        simulator.failNextLogins(1, 104);
        NavixyConnection connection = start(settings(100, 1000), login());

        await().atMost(10, TimeUnit.SECONDS).until(() -> connection.state() == ConnectionState.WAITING_TO_RECONNECT);
        long waitMillis = connection.snapshot().nextRetryMillis() - System.currentTimeMillis();
        assertThat(waitMillis).isGreaterThan(Duration.ofMinutes(9).toMillis());
        assertThat(listener.loginFailures).singleElement().isInstanceOf(NavixyLoginLimitException.class);
        await().during(Duration.ofMillis(1500)).atMost(3, TimeUnit.SECONDS).until(() -> simulator.loginCount() == 1);
    }

    @Test
    void waitsFiveMinutesAfterLoginAttemptsLimitExceeded() {
        simulator(NavixySimulator.builder());
        simulator.failNextLogins(1, 105);
        NavixyConnection connection = start(settings(100, 1000), login());

        await().atMost(10, TimeUnit.SECONDS).until(() -> connection.state() == ConnectionState.WAITING_TO_RECONNECT);
        long waitMillis = connection.snapshot().nextRetryMillis() - System.currentTimeMillis();
        assertThat(waitMillis).isBetween(Duration.ofMinutes(4).toMillis(), Duration.ofMinutes(5).toMillis());
        assertThat(((NavixyLoginLimitException) listener.loginFailures.get(0)).code()).isEqualTo(105);
    }

    @Test
    void aNewConnectionReusesTheStillValidSessionOfItsSource() throws Exception {
        simulator(NavixySimulator.builder());
        LoginHashSource source = login();
        NavixyConnection first = start(settings(100, 1000), source);
        awaitState(first, ConnectionState.SUBSCRIBED);
        stop(first);

        NavixyConnection second = start(settings(100, 1000), source); // what a resume does
        awaitState(second, ConnectionState.SUBSCRIBED);

        assertThat(simulator.loginCount()).isEqualTo(1);
        assertThat(simulator.subscribeCount()).isEqualTo(2);
    }

    @Test
    void renewsTheSessionBeforeItExpiresWithoutAGap() {
        simulator(NavixySimulator.builder().sessionLifetime(Duration.ofMillis(1500)));
        NavixyConnection connection = start(settings(100, 1000).withSessionRenewal(400), login());
        awaitState(connection, ConnectionState.SUBSCRIBED);

        await().atMost(15, TimeUnit.SECONDS).until(() -> simulator.sessionRenewCount() >= 10); // 4 s: 2.7 lifetimes

        assertThat(listener.events).extracting(NavixyEvent::name).doesNotContain(NavixyEvent.LOGOUT);
        assertThat(listener.states()).containsOnlyOnce(ConnectionState.SUBSCRIBED);
        assertThat(simulator.loginCount()).isEqualTo(1);
        assertThat(simulator.connectionsAccepted()).isEqualTo(1);
        assertThat(connection.snapshot().nextRenewalMillis()).isGreaterThan(0);
    }

    @Test
    void logsInAgainWhenRenewalFailsAndMovesTheSubscriptionOnTheSameSocket() {
        simulator(NavixySimulator.builder().sessionLifetime(Duration.ofMillis(2000)));
        simulator.failNextSessionRenewals(1, 4);
        NavixyConnection connection = start(settings(100, 1000).withSessionRenewal(500), login());
        awaitState(connection, ConnectionState.SUBSCRIBED);

        await().atMost(10, TimeUnit.SECONDS).until(() -> simulator.loginCount() == 2 && simulator.subscribeCount() == 2);
        String firstHash = simulator.receivedRequests().get(0).path("hash").asText();
        String secondHash = simulator.receivedRequests().get(1).path("hash").asText();
        assertThat(secondHash).isNotEqualTo(firstHash);
        // The first session expires meanwhile: the subscription lives on with the new one, on the same socket.
        int eventsBefore = listener.events.size();
        await().atMost(10, TimeUnit.SECONDS).until(() -> listener.events.size() > eventsBefore + 10);
        assertThat(listener.events).extracting(NavixyEvent::name).doesNotContain(NavixyEvent.LOGOUT);
        assertThat(simulator.connectionsAccepted()).isEqualTo(1);
        assertThat(connection.state()).isEqualTo(ConnectionState.SUBSCRIBED);
    }

    @Test
    void backsOffWhenTheLinkDiesRightAfterEverySubscribe() throws Exception {
        simulator(NavixySimulator.builder());
        listener.onState = s -> {
            if (s == ConnectionState.SUBSCRIBED) {
                simulator.dropConnections();
            }
        };
        NavixyConnection connection = start(settings(100, 800), new ApiKeyHashSource(simulator.apiKey()));

        await().atMost(20, TimeUnit.SECONDS).until(() -> listener.millisOf(ConnectionState.CONNECTING).size() >= 8);
        stop(connection);

        List<Long> attempts = listener.millisOf(ConnectionState.CONNECTING);
        System.out.println("connect attempts (ms since start) when every subscription dies at once: " + attempts);
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < attempts.size(); i++) {
            gaps.add(attempts.get(i) - attempts.get(i - 1));
        }
        // ceilings 100, 200, 400, 800, 800 …; each delay is at least half its ceiling
        assertThat(gaps.subList(3, gaps.size())).allMatch(gap -> gap >= 400, "gaps at the 800 ms ceiling: " + gaps);
        // Never reset by the short-lived subscriptions: every attempt but the last (perhaps cut by the stop) failed.
        assertThat(connection.snapshot().failures()).isGreaterThanOrEqualTo(attempts.size() - 1);
    }

    @Test
    void forgetsPastFailuresOnceASubscriptionHasLasted() {
        simulator(NavixySimulator.builder());
        simulator.failNextSubscribes(3, 6);
        NavixyConnection connection = start(settings(100, 400).withStableAfter(500), new ApiKeyHashSource(simulator.apiKey()));
        awaitState(connection, ConnectionState.SUBSCRIBED);
        assertThat(connection.snapshot().failures()).isEqualTo(3);

        await().atMost(5, TimeUnit.SECONDS).until(() -> connection.snapshot().failures() == 0);
    }

    @Test
    void subscribesAgainAfterAnErrorThatIsNotTransient() {
        simulator(NavixySimulator.builder());
        simulator.failNextSubscribes(1, 7);
        NavixyConnection connection = start(settings(100, 300), new ApiKeyHashSource(simulator.apiKey()));

        awaitState(connection, ConnectionState.SUBSCRIBED);
        assertThat(listener.serverErrors).extracting(e -> e.code()).containsExactly(7);
        int before = listener.events.size();
        await().atMost(10, TimeUnit.SECONDS).until(() -> listener.events.size() > before);
    }

    @Test
    void sendsHeartbeatsNoMoreThanOncePerSecondWhateverTheHandshakeAsks() {
        simulator(NavixySimulator.builder().clientHeartbeat(Duration.ofMillis(1)));
        NavixyConnection connection = start(settings(100, 1000), new ApiKeyHashSource(simulator.apiKey()));
        awaitState(connection, ConnectionState.SUBSCRIBED);

        await().atMost(10, TimeUnit.SECONDS).until(() -> simulator.heartbeatsReceived() >= 2);
        await().during(Duration.ofMillis(1500)).atMost(3, TimeUnit.SECONDS)
                .until(() -> simulator.heartbeatsReceived() <= 4);
    }

    @Test
    void aHandshakeReadAfterTheFallbackSubscribeStillStartsTheHeartbeat() {
        simulator(NavixySimulator.builder().clientHeartbeat(Duration.ofMillis(1000)));
        NavixyConnection connection = new NavixyConnection(vertx, new WebSocketClientOptions(), settings(100, 1000), PLAN,
                new ApiKeyHashSource(simulator.apiKey()), listener, "test");
        toClose.add(() -> connection.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
        connection.applyFlow(() -> true); // backpressure holds the new socket: the handshake waits unread
        connection.start();
        awaitState(connection, ConnectionState.SUBSCRIBING); // the 200 ms handshake wait passed

        connection.applyFlow(() -> false);

        awaitState(connection, ConnectionState.SUBSCRIBED);
        await().atMost(5, TimeUnit.SECONDS).until(() -> simulator.heartbeatsReceived() >= 1);
    }
}
