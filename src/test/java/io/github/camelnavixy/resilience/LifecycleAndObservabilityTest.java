package io.github.camelnavixy.resilience;

import io.github.camelnavixy.NavixyConsumer;
import io.github.camelnavixy.NavixyDevConsole;
import io.github.camelnavixy.client.ConnectionState;
import io.github.camelnavixy.support.SimulatorRouteTestSupport;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.console.DevConsole;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Suspend and resume, health, dev console and JMX tell the truth about the connection. */
class LifecycleAndObservabilityTest extends SimulatorRouteTestSupport {

    @Override
    protected boolean observable() {
        return true;
    }



    private void awaitSubscribed() {
        await().atMost(10, TimeUnit.SECONDS).until(() -> navixyConsumer().getConnectionState() == ConnectionState.SUBSCRIBED);
    }


    @Test
    void suspendUnsubscribesAndClosesAndResumeSubscribesAgain() throws Exception {
        route(navixy("state_batch", "rateLimit=1s"));
        awaitSubscribed();

        context.getRouteController().suspendRoute("navixy");
        assertThat(requests("unsubscribe")).hasSize(1);
        await().atMost(5, TimeUnit.SECONDS).until(() -> simulator.openConnections() == 0);
        int received = getMockEndpoint("mock:events").getReceivedCounter();

        context.getRouteController().resumeRoute("navixy");
        awaitSubscribed();
        assertThat(requests("subscribe")).hasSize(2);
        await().atMost(10, TimeUnit.SECONDS).until(() -> getMockEndpoint("mock:events").getReceivedCounter() > received);
    }

    @Test
    void resumeKeepsTheStillValidLoginSession() throws Exception {
        route("navixy:state_batch?login=" + io.github.camelnavixy.simulator.NavixySimulator.DEFAULT_LOGIN + "&password="
                + io.github.camelnavixy.simulator.NavixySimulator.DEFAULT_PASSWORD + "&baseUrl=" + simulator.baseUrl()
                + "&webSocketUrl=" + simulator.webSocketUrl() + "&exceptionHandler=#recordingErrors");
        awaitSubscribed();

        context.getRouteController().suspendRoute("navixy");
        context.getRouteController().resumeRoute("navixy");
        awaitSubscribed();

        assertThat(requests("subscribe")).hasSize(2);
        assertThat(simulator.loginCount()).isEqualTo(1);
    }

    @Test
    void healthIsDownWhileLoggingInAgain() throws Exception {
        route("navixy:state_batch?login=" + io.github.camelnavixy.simulator.NavixySimulator.DEFAULT_LOGIN + "&password="
                + io.github.camelnavixy.simulator.NavixySimulator.DEFAULT_PASSWORD + "&baseUrl=" + simulator.baseUrl()
                + "&webSocketUrl=" + simulator.webSocketUrl() + "&exceptionHandler=#recordingErrors&reconnectDelay=100ms");
        awaitSubscribed();
        simulator.stallLogins(true);

        simulator.logout();

        await().atMost(10, TimeUnit.SECONDS).until(() -> navixyConsumer().getConnectionState() == ConnectionState.LOGGING_IN);
        HealthCheck.Result health = consumerHealth();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(health.getDetails()).containsEntry("navixy.state", "LOGGING_IN");
        await().atMost(5, TimeUnit.SECONDS).until(() -> simulator.openConnections() == 0);
        // user/auth answers nothing: after 10 s the attempt goes to the exception handler and is tried again
        simulator.stallLogins(false);
        await().atMost(30, TimeUnit.SECONDS).until(() -> navixyConsumer().getConnectionState() == ConnectionState.SUBSCRIBED);
        assertThat(errors.errorsOf(io.github.camelnavixy.client.NavixyConnectionException.class))
                .anySatisfy(e -> assertThat(e.getMessage()).contains("user/auth gave no answer within 10000 ms"));
    }

    @Test
    void stoppingWaitsOnlyBoundedlyForASilentServer() throws Exception {
        route(navixy("state_batch", "unsubscribeTimeout=300ms&idleTimeout=0&pingInterval=0"));
        awaitSubscribed();
        simulator.silenceConnections().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);

        long started = System.nanoTime();
        context.getRouteController().stopRoute("navixy");

        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(5));
        assertThat(requests("unsubscribe")).isEmpty(); // the silent server never read it
        assertThat(navixyConsumer().getConnectionState()).isEqualTo(ConnectionState.STOPPED);
    }

    private HealthCheck.Result consumerHealth() {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context);
        return results.stream()
                .filter(r -> r.getCheck().getId().contains("navixy"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no navixy health check among " + results));
    }

    @Test
    void healthIsUpOnlyWhileSubscribed() throws Exception {
        route(navixy("state_batch", "reconnectDelay=100ms&reconnectMaxDelay=200ms"));
        awaitSubscribed();
        await().atMost(5, TimeUnit.SECONDS).until(() -> consumerHealth().getState() == HealthCheck.State.UP);

        simulator.refuseConnections();
        simulator.dropConnections();

        await().atMost(5, TimeUnit.SECONDS).until(() -> consumerHealth().getState() == HealthCheck.State.DOWN);
        Map<String, Object> details = consumerHealth().getDetails();
        assertThat(details).containsKeys("navixy.state", "navixy.failedAttempts", "navixy.lastError");
        assertThat(consumerHealth().getMessage()).isPresent();
        assertThat(details.toString()).doesNotContain(simulator.apiKey());
    }

    @Test
    void devConsoleShowsStateSubscriptionAndCounters() throws Exception {
        route(navixy("state_batch", "rateLimit=1s"));
        awaitSubscribed();
        await().atMost(10, TimeUnit.SECONDS).until(() -> navixyConsumer().getExchangeCount() > 0);

        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("navixy");
        assertThat(console).isInstanceOf(NavixyDevConsole.class);
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        assertThat(text).contains("SUBSCRIBED", "state_batch", "Exchanges:", "Reconnects:").doesNotContain(simulator.apiKey());
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
        assertThat(json.toString()).contains("SUBSCRIBED", "frames");
    }

    @Test
    void jmxShowsTheConnectionStateAndCounters() throws Exception {
        route(navixy("state_batch", "rateLimit=1s"));
        awaitSubscribed();

        MBeanServer server = context.getManagementStrategy().getManagementAgent().getMBeanServer();
        Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.camel:type=consumers,*"), null);
        ObjectName consumer = names.stream().filter(n -> n.toString().contains("NavixyConsumer")).findFirst().orElseThrow();
        assertThat(server.getAttribute(consumer, "ConnectionStatus")).isEqualTo("SUBSCRIBED");
        await().atMost(10, TimeUnit.SECONDS).until(() -> (Long) server.getAttribute(consumer, "ExchangeCount") > 0);
        assertThat((Long) server.getAttribute(consumer, "FrameCount")).isPositive();
    }
}
