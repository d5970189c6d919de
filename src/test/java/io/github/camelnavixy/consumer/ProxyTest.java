package io.github.camelnavixy.consumer;

import io.github.camelnavixy.NavixyConsumer;
import io.github.camelnavixy.simulator.NavixySimulator;
import io.github.camelnavixy.support.ConnectProxy;
import io.github.camelnavixy.support.SimulatorRouteTestSupport;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The WebSocket and user/auth go through an HTTP proxy (CONNECT tunnels) when proxyHost/proxyPort are set. */
class ProxyTest extends SimulatorRouteTestSupport {

    @TempDir
    Path dir;
    private ConnectProxy proxy;

    @AfterEach
    void closeProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    private String simulatorAddress() {
        return "127.0.0.1:" + simulator.port();
    }

    @Test
    void subscribesThroughAConnectTunnel() throws Exception {
        proxy = ConnectProxy.open();
        route(navixy("state_batch", "proxyHost=127.0.0.1&proxyPort=" + proxy.port()));

        events().expectedMinimumMessageCount(1);
        events().assertIsSatisfied(20_000);
        assertThat(proxy.tunnels()).containsExactly(simulatorAddress());
    }

    @Test
    void authenticatesToTheProxyWithBasicCredentials() throws Exception {
        proxy = ConnectProxy.withCredentials("camel", "pr0xy-s3cret");
        route(navixy("state_batch", "proxyHost=127.0.0.1&proxyPort=" + proxy.port()
                + "&proxyUsername=camel&proxyPassword=pr0xy-s3cret"));

        events().expectedMinimumMessageCount(1);
        events().assertIsSatisfied(20_000);
        assertThat(proxy.refused()).isEmpty();
        assertThat(proxy.tunnels()).containsExactly(simulatorAddress());
    }

    @Test
    void isTurnedAwayByTheProxyWithoutCredentials() throws Exception {
        proxy = ConnectProxy.withCredentials("camel", "pr0xy-s3cret");
        route(navixy("state_batch", "proxyHost=127.0.0.1&proxyPort=" + proxy.port()
                + "&reconnectDelay=100ms&reconnectMaxDelay=300ms"));

        await().atMost(10, TimeUnit.SECONDS).until(() -> !proxy.refused().isEmpty());
        NavixyConsumer consumer = navixyConsumer();
        await().atMost(10, TimeUnit.SECONDS).until(() -> consumer.getLastError() != null);
        assertThat(consumer.getLastError()).doesNotContain("pr0xy-s3cret");
        assertThat(simulator.connectionsAccepted()).isZero();
    }

    /** https user/auth and wss both tunnel through the proxy; TLS runs end to end inside the tunnels. */
    static class OverTls extends SimulatorRouteTestSupport {

        @TempDir
        Path dir;
        private ConnectProxy proxy;

        @Override
        protected NavixySimulator.Builder simulatorBuilder() {
            return super.simulatorBuilder().selfSignedTls();
        }

        @AfterEach
        void closeProxy() {
            if (proxy != null) {
                proxy.close();
            }
        }

        @Test
        void logsInAndSubscribesThroughTheProxy() throws Exception {
            proxy = ConnectProxy.open();
            KeyStoreParameters store = new KeyStoreParameters();
            store.setResource("file:" + simulator.writeTrustStore(dir.resolve("sim.p12"), "changeit"));
            store.setType("PKCS12");
            store.setPassword("changeit");
            TrustManagersParameters trust = new TrustManagersParameters();
            trust.setKeyStore(store);
            SSLContextParameters ssl = new SSLContextParameters();
            ssl.setTrustManagers(trust);
            context.getRegistry().bind("simTrust", ssl);

            route("navixy:state_batch?login=" + NavixySimulator.DEFAULT_LOGIN + "&password="
                    + NavixySimulator.DEFAULT_PASSWORD + "&baseUrl=" + simulator.baseUrl()
                    + "&sslContextParameters=#simTrust&proxyHost=127.0.0.1&proxyPort=" + proxy.port());

            events().expectedMinimumMessageCount(1);
            events().assertIsSatisfied(20_000);
            // one tunnel for user/auth, one for the WebSocket, both to the simulator under its certificate's name
            assertThat(proxy.tunnels()).containsExactly("localhost:" + simulator.port(), "localhost:" + simulator.port());
        }
    }
}
