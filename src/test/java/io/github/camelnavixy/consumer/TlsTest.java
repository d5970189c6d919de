package io.github.camelnavixy.consumer;

import io.github.camelnavixy.NavixyConsumer;
import io.github.camelnavixy.simulator.NavixySimulator;
import io.github.camelnavixy.support.SimulatorRouteTestSupport;
import org.apache.camel.support.jsse.CipherSuitesParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * wss and https against a simulator with a self-signed certificate for localhost: refused unless the
 * sslContextParameters trust it, and then only under the name in the certificate.
 */
class TlsTest extends SimulatorRouteTestSupport {

    private static final String STORE_PASSWORD = "changeit";
    private static final String FAST = "reconnectDelay=100ms&reconnectMaxDelay=300ms";

    @TempDir
    Path dir;

    @Override
    protected NavixySimulator.Builder simulatorBuilder() {
        return super.simulatorBuilder().selfSignedTls();
    }

    /** SSLContextParameters trusting the simulator, through a PKCS12 store given as a resource URI. */
    private SSLContextParameters trusting(String resource) {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource(resource);
        store.setType("PKCS12");
        store.setPassword(STORE_PASSWORD);
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters ssl = new SSLContextParameters();
        ssl.setTrustManagers(trust);
        return ssl;
    }

    private SSLContextParameters trustingTheSimulator() {
        Path file = simulator.writeTrustStore(dir.resolve("simulator.p12"), STORE_PASSWORD);
        return trusting("file:" + file);
    }

    private String lastError() {
        NavixyConsumer consumer = navixyConsumer();
        return consumer.getConnectionSnapshot() == null ? null : consumer.getConnectionSnapshot().lastError();
    }

    @Test
    void refusesASelfSignedCertificateByDefault() throws Exception {
        route(navixy("state_batch", FAST));

        await().atMost(10, TimeUnit.SECONDS).until(() -> lastError() != null);
        assertThat(lastError()).contains("SSL").contains("certification path"); // the reason, not only "SSL failed"
        assertThat(simulator.connectionsAccepted()).isZero();
    }

    @Test
    void subscribesOverWssWhenTheSslContextParametersTrustTheCertificate() throws Exception {
        context.getRegistry().bind("simTrust", trustingTheSimulator());
        route(navixy("state_batch", "sslContextParameters=#simTrust"));

        events().expectedMinimumMessageCount(1);
        events().assertIsSatisfied(20_000);
        assertThat(simulator.webSocketUrl()).startsWith("wss://localhost:");
    }

    @Test
    void readsAClasspathTrustStoreThroughTheCamelContext() throws Exception {
        simulator.writeTrustStore(dir.resolve("navixy-simulator-trust.p12"), STORE_PASSWORD);
        // the store is on the classpath of the CamelContext only, so only a resolver that knows the context finds it
        context.setApplicationContextClassLoader(
                new URLClassLoader(new URL[] { dir.toUri().toURL() }, getClass().getClassLoader()));
        context.getRegistry().bind("simTrust", trusting("classpath:navixy-simulator-trust.p12"));
        route(navixy("state_batch", "sslContextParameters=#simTrust"));

        events().expectedMinimumMessageCount(1);
        events().assertIsSatisfied(20_000);
    }

    /** The same trust that connects to localhost in the tests above, so only the host name can be the reason. */
    @Test
    void verifiesTheHostNameAgainstTheCertificate() throws Exception {
        context.getRegistry().bind("simTrust", trustingTheSimulator());
        // the certificate names localhost; the same server under its address must be refused
        String byAddress = simulator.webSocketUrl().replace("localhost", "127.0.0.1");
        route("navixy:state_batch?apiKey=" + simulator.apiKey() + "&webSocketUrl=" + byAddress
                + "&sslContextParameters=#simTrust&" + FAST);

        await().atMost(10, TimeUnit.SECONDS).until(() -> lastError() != null);
        assertThat(lastError()).contains("SSL").contains("No subject alternative names"); // the reason, not only "SSL failed"
        assertThat(simulator.connectionsAccepted()).isZero();
    }

    @Test
    void logsInOverHttpsWhenTheSslContextParametersTrustTheCertificate() throws Exception {
        context.getRegistry().bind("simTrust", trustingTheSimulator());
        route("navixy:state_batch?login=" + NavixySimulator.DEFAULT_LOGIN + "&password=" + NavixySimulator.DEFAULT_PASSWORD
                + "&baseUrl=" + simulator.baseUrl() + "&sslContextParameters=#simTrust");

        events().expectedMinimumMessageCount(1);
        events().assertIsSatisfied(20_000);
        assertThat(simulator.baseUrl()).startsWith("https://localhost:");
    }

    @Test
    void refusesToLogInOverHttpsToAnUntrustedCertificate() throws Exception {
        route("navixy:state_batch?login=" + NavixySimulator.DEFAULT_LOGIN + "&password=" + NavixySimulator.DEFAULT_PASSWORD
                + "&baseUrl=" + simulator.baseUrl() + "&" + FAST);

        await().atMost(10, TimeUnit.SECONDS).until(() -> lastError() != null);
        assertThat(lastError()).contains("SSL");
        assertThat(simulator.connectionsAccepted()).isZero();
    }

    @Test
    void verifiesTheHostNameOfTheLoginServer() throws Exception {
        context.getRegistry().bind("simTrust", trustingTheSimulator());
        String byAddress = simulator.baseUrl().replace("localhost", "127.0.0.1");
        route("navixy:state_batch?login=" + NavixySimulator.DEFAULT_LOGIN + "&password=" + NavixySimulator.DEFAULT_PASSWORD
                + "&baseUrl=" + byAddress + "&sslContextParameters=#simTrust&" + FAST);

        await().atMost(10, TimeUnit.SECONDS).until(() -> lastError() != null);
        assertThat(lastError()).contains("SSL");
        assertThat(simulator.connectionsAccepted()).isZero();
    }

    @Test
    void offersOnlyTheConfiguredCipherSuites() throws Exception {
        SSLContextParameters ssl = trustingTheSimulator();
        CipherSuitesParameters suites = new CipherSuitesParameters();
        // an ECDSA suite: the simulator's certificate is RSA, so a client that really offers only this cannot connect
        suites.setCipherSuite(List.of("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"));
        ssl.setCipherSuites(suites);
        org.apache.camel.support.jsse.SecureSocketProtocolsParameters protocols
                = new org.apache.camel.support.jsse.SecureSocketProtocolsParameters();
        protocols.setSecureSocketProtocol(List.of("TLSv1.2"));
        ssl.setSecureSocketProtocols(protocols);
        context.getRegistry().bind("simTrust", ssl);
        route(navixy("state_batch", "sslContextParameters=#simTrust&" + FAST));

        await().atMost(10, TimeUnit.SECONDS).until(() -> lastError() != null);
        // the store was read (the same one connects in another test); the server found no suite in common
        assertThat(lastError()).contains("SSL");
        assertThat(simulator.connectionsAccepted()).isZero();
    }
}
