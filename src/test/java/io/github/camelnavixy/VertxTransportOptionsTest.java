package io.github.camelnavixy;

import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.net.ProxyOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.CipherSuitesParameters;
import org.apache.camel.support.jsse.FilterParameters;
import org.apache.camel.support.jsse.SSLContextClientParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.SecureSocketProtocolsParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What of the endpoint's TLS and proxy settings reaches Vert.x, and what is refused because it cannot. */
class VertxTransportOptionsTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final NavixyConfiguration configuration = new NavixyConfiguration();

    @AfterEach
    void close() throws Exception {
        camel.close();
    }

    private VertxTransportOptions options() {
        return VertxTransportOptions.of(configuration, camel);
    }

    private static SecureSocketProtocolsParameters protocols(String... names) {
        SecureSocketProtocolsParameters p = new SecureSocketProtocolsParameters();
        p.setSecureSocketProtocol(List.of(names));
        return p;
    }

    private static CipherSuitesParameters suites(String... names) {
        CipherSuitesParameters p = new CipherSuitesParameters();
        p.setCipherSuite(List.of(names));
        return p;
    }

    @Test
    void verifiesHostNamesOnBothClients() {
        assertThat(options().webSocketOptions().isVerifyHost()).isTrue();
        assertThat(options().httpOptions().isVerifyHost()).isTrue();
    }

    @Test
    void enablesTheListedProtocolsAndCipherSuitesOnBothClients() {
        SSLContextParameters ssl = new SSLContextParameters();
        ssl.setSecureSocketProtocols(protocols("TLSv1.3"));
        ssl.setCipherSuites(suites("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256"));
        configuration.setSslContextParameters(ssl);

        WebSocketClientOptions ws = options().webSocketOptions();
        HttpClientOptions http = options().httpOptions();
        assertThat(ws.getEnabledSecureTransportProtocols()).containsExactly("TLSv1.3");
        assertThat(http.getEnabledSecureTransportProtocols()).containsExactly("TLSv1.3");
        assertThat(ws.getEnabledCipherSuites()).containsExactlyInAnyOrder("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256");
        assertThat(http.getEnabledCipherSuites()).containsExactlyInAnyOrder("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256");
    }

    @Test
    void clientParametersOverrideTheGeneralOnes() {
        SSLContextParameters ssl = new SSLContextParameters();
        ssl.setSecureSocketProtocols(protocols("TLSv1.3"));
        SSLContextClientParameters client = new SSLContextClientParameters();
        client.setSecureSocketProtocols(protocols("TLSv1.2"));
        ssl.setClientParameters(client);
        configuration.setSslContextParameters(ssl);

        assertThat(options().webSocketOptions().getEnabledSecureTransportProtocols()).containsExactly("TLSv1.2");
    }

    @Test
    void aTlsV12ContextEnablesOnlyTlsV12() {
        SSLContextParameters ssl = new SSLContextParameters();
        ssl.setSecureSocketProtocol("TLSv1.2");
        configuration.setSslContextParameters(ssl);

        assertThat(options().webSocketOptions().getEnabledSecureTransportProtocols()).containsExactly("TLSv1.2");
    }

    @Test
    void givesTheSslContextParametersTheCamelContext() {
        SSLContextParameters ssl = new SSLContextParameters();
        configuration.setSslContextParameters(ssl);
        options();
        assertThat(ssl.getCamelContext()).isSameAs(camel);
    }

    @Test
    void refusesACipherSuitesFilter() {
        SSLContextParameters ssl = new SSLContextParameters();
        FilterParameters filter = new FilterParameters();
        filter.addInclude(".*GCM.*");
        ssl.setCipherSuitesFilter(filter);
        configuration.setSslContextParameters(ssl);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, this::options);
        assertThat(e.getMessage()).contains("cipherSuitesFilter").contains("cipherSuites");
    }

    @Test
    void refusesAProtocolsFilterInTheClientParameters() {
        SSLContextParameters ssl = new SSLContextParameters();
        SSLContextClientParameters client = new SSLContextClientParameters();
        FilterParameters filter = new FilterParameters();
        filter.addInclude("TLSv1\\.3");
        client.setSecureSocketProtocolsFilter(filter);
        ssl.setClientParameters(client);
        configuration.setSslContextParameters(ssl);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, this::options);
        assertThat(e.getMessage()).contains("clientParameters.secureSocketProtocolsFilter");
    }

    @Test
    void refusesAProviderVertxCannotUse() {
        SSLContextParameters ssl = new SSLContextParameters();
        ssl.setProvider("SunJSSE");
        configuration.setSslContextParameters(ssl);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, this::options);
        assertThat(e.getMessage()).contains("provider=SunJSSE").contains("remove provider");
    }

    @Test
    void refusesAContextProtocolItCannotMapToProtocols() {
        SSLContextParameters ssl = new SSLContextParameters();
        ssl.setSecureSocketProtocol("SSLv3");
        configuration.setSslContextParameters(ssl);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, this::options);
        assertThat(e.getMessage()).contains("secureSocketProtocol=SSLv3").contains("secureSocketProtocols");
    }

    @Test
    void reportsAMissingTrustStoreWhenBuilt() {
        SSLContextParameters ssl = new SSLContextParameters();
        org.apache.camel.support.jsse.KeyStoreParameters store = new org.apache.camel.support.jsse.KeyStoreParameters();
        store.setResource("file:/does/not/exist.p12");
        store.setPassword("changeit");
        org.apache.camel.support.jsse.TrustManagersParameters trust = new org.apache.camel.support.jsse.TrustManagersParameters();
        trust.setKeyStore(store);
        ssl.setTrustManagers(trust);
        configuration.setSslContextParameters(ssl);

        IllegalStateException e = assertThrows(IllegalStateException.class, this::options);
        assertThat(e.getMessage()).contains("trust store").doesNotContain("changeit");
    }

    @Test
    void givesTheProxyToBothClients() {
        configuration.setProxyHost("proxy.example.com");
        configuration.setProxyPort(3128);
        configuration.setProxyUsername("camel");
        configuration.setProxyPassword("s3cret");

        for (ProxyOptions proxy : List.of(options().webSocketOptions().getProxyOptions(),
                options().httpOptions().getProxyOptions())) {
            assertThat(proxy.getType()).isEqualTo(io.vertx.core.net.ProxyType.HTTP);
            assertThat(proxy.getHost()).isEqualTo("proxy.example.com");
            assertThat(proxy.getPort()).isEqualTo(3128);
            assertThat(proxy.getUsername()).isEqualTo("camel");
            assertThat(proxy.getPassword()).isEqualTo("s3cret");
        }
    }

    @Test
    void mapsSocks5() {
        configuration.setProxyHost("socks.example.com");
        configuration.setProxyPort(1080);
        configuration.setProxyType(ProxyType.SOCKS5);

        assertThat(options().webSocketOptions().getProxyOptions().getType()).isEqualTo(io.vertx.core.net.ProxyType.SOCKS5);
    }

    @Test
    void usesNoProxyByDefault() {
        assertThat(options().webSocketOptions().getProxyOptions()).isNull();
        assertThat(options().httpOptions().getProxyOptions()).isNull();
    }

    @Test
    void masksTheProxyCredentialsInToString() {
        configuration.setProxyHost("proxy.example.com");
        configuration.setProxyUsername("camel-user");
        configuration.setProxyPassword("pr0xy-s3cret");
        assertThat(configuration.toString()).contains("proxy.example.com").doesNotContain("pr0xy-s3cret")
                .doesNotContain("camel-user");
    }
}
